import { describe, expect, it } from 'vitest';
import { CounterConfig, DEFAULT_COUNTER_CONFIG, methodsAcceptedOn } from '../../../shared/config';

// Cash ends at the pharmacy on 30 June 2026; card starts on 1 March 2026 and has no end.
const config: CounterConfig = {
  ...DEFAULT_COUNTER_CONFIG,
  channels: [
    { method: 'cash', from: '2019-01-01', to: '2026-06-30' },
    { method: 'card', from: '2026-03-01', to: null },
  ],
};

describe('methodsAcceptedOn', () => {
  it('before a channel starts it is not offered', () => {
    expect(methodsAcceptedOn(config, '2026-02-28')).toEqual(['cash']);
  });

  it('the first day (from) is included', () => {
    expect(methodsAcceptedOn(config, '2026-03-01')).toEqual(['cash', 'card']);
  });

  it('the last day (to) is included', () => {
    expect(methodsAcceptedOn(config, '2026-06-30')).toEqual(['cash', 'card']);
  });

  it('after the last day the channel is gone; an open channel stays', () => {
    expect(methodsAcceptedOn(config, '2026-07-01')).toEqual(['card']);
    expect(methodsAcceptedOn(config, '2099-12-31')).toEqual(['card']);
  });

  it('before every channel nothing is accepted', () => {
    expect(methodsAcceptedOn(config, '2018-12-31')).toEqual([]);
  });

  it('lists a method once even when two periods of it overlap', () => {
    const twice: CounterConfig = {
      ...DEFAULT_COUNTER_CONFIG,
      channels: [
        { method: 'cash', from: '2020-01-01', to: '2026-12-31' },
        { method: 'cash', from: '2026-01-01', to: null },
      ],
    };
    expect(methodsAcceptedOn(twice, '2026-06-01')).toEqual(['cash']);
  });

  it('the default configuration accepts cash and card and passes its own schema', () => {
    expect(CounterConfig.parse(DEFAULT_COUNTER_CONFIG)).toEqual(DEFAULT_COUNTER_CONFIG);
    expect(methodsAcceptedOn(DEFAULT_COUNTER_CONFIG, '2026-11-28')).toEqual(['cash', 'card']);
  });

  it('the schema refuses a date that is not YYYY-MM-DD', () => {
    const bad = { ...DEFAULT_COUNTER_CONFIG, channels: [{ method: 'cash', from: '01/01/2026', to: null }] };
    expect(CounterConfig.safeParse(bad).success).toBe(false);
  });
});
