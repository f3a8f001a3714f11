import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('reads an AWS deployment environment', () => {
    const config = loadConfig({
      TABLE_NAME: 't',
      HISTORY_STORE: 'timestream',
      TIMESTREAM_DATABASE_NAME: 'db',
      TIMESTREAM_TABLE_NAME: 'readings',
      VAULT_KEY_ID: 'arn:aws:kms:us-east-1:1:key/x',
      WS_CALLBACK_URL: 'https://abc.execute-api.us-east-1.amazonaws.com/live',
      AWS_REGION: 'eu-west-1',
    });
    expect(config.history).toEqual({ store: 'timestream', databaseName: 'db', tableName: 'readings' });
    expect(config.vault).toEqual({ kind: 'kms', keyId: 'arn:aws:kms:us-east-1:1:key/x' });
    expect(config.region).toBe('eu-west-1');
    expect(config.sessions).toEqual({ idleSeconds: 7 * 86_400, absoluteSeconds: 30 * 86_400, maxPerUser: 20, touchEverySeconds: 300 });
    expect(config.signIn).toEqual({ maxFailuresPerEmail: 5, maxFailuresPerIp: 20, windowSeconds: 900, maxFailuresPerEmailPerDay: 9 });
    expect(config.validateResponses).toBe(false);
  });

  it('names what is missing', () => {
    expect(() => loadConfig({ VAULT_KEY_ID: 'k' })).toThrow(/TABLE_NAME/);
    expect(() => loadConfig({})).toThrow(ConfigError);
    expect(loadConfig({ TABLE_NAME: 't' }).vault).toBeUndefined();
    expect(() => loadConfig({ TABLE_NAME: 't', VAULT_KEY_ID: 'k', HISTORY_STORE: 'timestream' })).toThrow(/TIMESTREAM_DATABASE_NAME/);
    expect(() => loadConfig({ TABLE_NAME: 't', VAULT_KEY_ID: 'k', HISTORY_STORE: 'influx' })).toThrow(/HISTORY_STORE/);
    expect(() => loadConfig({ TABLE_NAME: 't', SIGN_IN_FAILURES_PER_EMAIL: '0' })).toThrow(/SIGN_IN_FAILURES_PER_EMAIL/);
    expect(() => loadConfig({ TABLE_NAME: 't', SESSIONS_PER_USER: 'many' })).toThrow(/SESSIONS_PER_USER/);
  });

  it('reads the local stack\'s simulated clock, and names SIMULATED_CLOCK when it is wrong', () => {
    expect(loadConfig({ TABLE_NAME: 't' }).simulatedClock).toBeUndefined();
    const settings = { scale: 30, realOriginMs: 1_790_000_000_000, simulatedOriginMs: 1_789_990_000_000 };
    expect(loadConfig({ TABLE_NAME: 't', SIMULATED_CLOCK: JSON.stringify(settings) }).simulatedClock).toEqual(settings);
    for (const bad of [
      'thirty',
      '{"scale":30}',
      JSON.stringify({ ...settings, scale: 0 }),
      JSON.stringify({ ...settings, scale: '30' }),
      JSON.stringify({ ...settings, realOriginMs: -1 }),
      JSON.stringify({ ...settings, extra: 1 }),
    ]) {
      expect(() => loadConfig({ TABLE_NAME: 't', SIMULATED_CLOCK: bad }), bad).toThrow(ConfigError);
      expect(() => loadConfig({ TABLE_NAME: 't', SIMULATED_CLOCK: bad }), bad).toThrow(/SIMULATED_CLOCK/);
    }
  });
});
