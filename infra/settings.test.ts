import { App } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { readSettings } from './settings';

const settingsFor = (context: Record<string, unknown>) => readSettings(new App({ context }).node);

describe('readSettings', () => {
  it('defaults to Timestream with deletion protection', () => {
    expect(settingsFor({})).toEqual({ historyStore: 'timestream', deletionProtection: true });
  });

  it('accepts cdk.json booleans and -c strings', () => {
    expect(settingsFor({ historyStore: 'dynamodb', deletionProtection: false })).toEqual({
      historyStore: 'dynamodb',
      deletionProtection: false,
    });
    expect(settingsFor({ deletionProtection: 'false' }).deletionProtection).toBe(false);
    expect(settingsFor({ deletionProtection: 'true' }).deletionProtection).toBe(true);
  });

  it('rejects anything else by name', () => {
    expect(() => settingsFor({ historyStore: 'influxdb' })).toThrow(/historyStore must be one of timestream\|dynamodb/);
    expect(() => settingsFor({ deletionProtection: 'yes' })).toThrow(/deletionProtection must be true or false/);
    expect(() => settingsFor({ alarmEmail: 'pitmaster' })).toThrow(/alarmEmail must be an email address/);
    expect(() => settingsFor({ alarmEmail: true })).toThrow(/alarmEmail must be an email address/);
  });

  it('subscribes an alarm email only when one is given', () => {
    expect(settingsFor({ alarmEmail: 'cook@example.com' }).alarmEmail).toBe('cook@example.com');
    expect(settingsFor({})).not.toHaveProperty('alarmEmail');
    expect(settingsFor({ alarmEmail: '' })).not.toHaveProperty('alarmEmail');
  });
});
