import fs from 'node:fs';
import path from 'node:path';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { OPENAPI_FILE, writeOpenApiDocument } from '../../../scripts/generate-openapi';
import { renderOpenApiDocument } from '../../../central/openapi';
import { tempDir } from './central-client';

describe('the OpenAPI document of the central API', () => {
  it('is committed and up to date with shared/central.ts (run "npm run openapi" otherwise)', () => {
    const committed = fs.readFileSync(OPENAPI_FILE, 'utf8');
    expect(committed).toBe(renderOpenApiDocument());
  });

  it('is written by the script exactly as rendered: 2-space JSON and a trailing newline', () => {
    const file = path.join(tempDir(), 'api.json');
    writeOpenApiDocument(file);
    const text = fs.readFileSync(file, 'utf8');
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n')[1]).toMatch(/^ {2}"/);
  });

  it('describes every endpoint with JSON Schemas a validator compiles and that judge real data', () => {
    const doc = JSON.parse(renderOpenApiDocument()) as {
      openapi: string;
      paths: Record<string, Record<string, { security: unknown[] }>>;
      components: { schemas: Record<string, object> };
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/v1/enrol',
      '/v1/feed',
      '/v1/notice-blocks',
      '/v1/operations',
      '/v1/time',
    ]);
    expect(doc.paths['/v1/enrol']?.post?.security).toEqual([]);
    expect(doc.paths['/v1/feed']?.get?.security).toEqual([{ counterToken: [] }]);
    const ajv = new Ajv2020({ strict: false });
    ajv.addFormat('date-time', true);
    const validateEnrol = ajv.compile(doc.components.schemas.EnrolRequest!);
    expect(validateEnrol({ code: 'ABCDEFGH', deviceName: 'PC' })).toBe(true);
    expect(validateEnrol({ code: 'AB', deviceName: 'PC' })).toBe(false);
    const validateError = ajv.compile(doc.components.schemas.CentralError!);
    expect(validateError({ error: { code: 'BAD_CURSOR', message: 'x' } })).toBe(true);
    expect(validateError({ error: { code: 'NOPE', message: 'x' } })).toBe(false);
  });

  it("passes Redocly's OpenAPI linter (recommended rules) with no error and no warning", async () => {
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({
      source: renderOpenApiDocument(),
      absoluteRef: 'central-api.openapi.json',
      config,
    });
    expect(problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message}`)).toEqual([]);
    // Among what it checks: the servers the API is reached at.
    const doc = JSON.parse(renderOpenApiDocument()) as { servers: { url: string }[] };
    expect(doc.servers.map((s) => s.url)).toEqual(['{centralUrl}', 'http://127.0.0.1:{port}']);
  });
});
