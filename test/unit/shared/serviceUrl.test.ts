import { describe, expect, it } from 'vitest';
import { HttpUrl, isSecureServiceUrl } from '../../../shared/station';

describe('addresses the counter sends its token and data to', () => {
  it.each([
    'https://servizi.comune.carrara.ms.it/sportello',
    'HTTPS://central.example:8443',
    'http://127.0.0.1:4100',
    'http://localhost:4100/v1',
    'http://[::1]:4100',
  ])('accepts %s', (url) => {
    expect(isSecureServiceUrl(url)).toBe(true);
    expect(HttpUrl.safeParse(url).success).toBe(true);
  });

  it.each([
    'http://servizi.comune.carrara.ms.it',
    'http://192.168.1.10:4100',
    'http://127.0.0.1@evil.example',
    'http://localhost.evil.example',
    'http://evil.example#@127.0.0.1',
    'ftp://127.0.0.1',
    'https//missing-colon',
  ])('refuses %s with an Italian message', (url) => {
    expect(isSecureServiceUrl(url)).toBe(false);
    const parsed = HttpUrl.safeParse(url);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(/https:\/\//);
  });
});
