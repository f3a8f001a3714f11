import { describe, expect, it } from 'vitest';
import { settingsPatchSchema, userSettingsSchema } from '../api/settings-schemas';
import { ManualClock } from '../clock';
import type { SettingsStore, UserSettings } from './settings-store';
import { isTimeZone } from './time-zone';
import { DEFAULT_SETTINGS, getSettings, updateSettings, withDefaults } from './user-settings';

/** The store's contract in memory: only patched fields change. */
function memoryStore(): SettingsStore & { calls: string[] } {
  const items = new Map<string, Partial<UserSettings>>();
  const calls: string[] = [];
  return {
    calls,
    get: async (userId) => items.get(userId),
    update: async (userId, patch, updatedAt) => {
      calls.push(`${userId}@${updatedAt}`);
      const next = { ...items.get(userId), ...patch };
      items.set(userId, next);
      return next;
    },
  };
}

describe('user settings', () => {
  it('reads the defaults for a user who never set anything', async () => {
    expect(await getSettings('u1', { settings: memoryStore() })).toEqual({ units: 'F', clock: '12h', timeZone: null, theme: 'system' });
    expect(withDefaults({ timeZone: 'Europe/Berlin' })).toEqual({ ...DEFAULT_SETTINGS, timeZone: 'Europe/Berlin' });
  });

  it('changes only the fields in the patch, per user, stamped with the clock', async () => {
    const settings = memoryStore();
    const clock = new ManualClock('2026-12-01T20:00:00.000Z');
    expect(await updateSettings('u1', { units: 'C' }, { settings, clock })).toEqual({ ...DEFAULT_SETTINGS, units: 'C' });
    expect(await updateSettings('u1', { theme: 'dark', timeZone: 'America/Chicago' }, { settings, clock })).toEqual({
      units: 'C',
      clock: '12h',
      timeZone: 'America/Chicago',
      theme: 'dark',
    });
    // null goes back to "follow this screen's zone".
    expect((await updateSettings('u1', { timeZone: null }, { settings, clock })).timeZone).toBeNull();
    expect(await getSettings('u2', { settings })).toEqual(DEFAULT_SETTINGS);
    expect(settings.calls).toEqual(['u1@2026-12-01T20:00:00.000Z', 'u1@2026-12-01T20:00:00.000Z', 'u1@2026-12-01T20:00:00.000Z']);
  });
});

describe('settings schemas', () => {
  it('accepts IANA zones and rejects anything else', () => {
    expect(isTimeZone('Europe/Berlin')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isTimeZone('../etc')).toBe(false);
    expect(settingsPatchSchema.safeParse({ timeZone: 'Not/AZone' }).success).toBe(false);
    expect(settingsPatchSchema.safeParse({ timeZone: 'x'.repeat(65) }).success).toBe(false);
  });

  it('takes a patch of known fields with known values, at least one', () => {
    expect(settingsPatchSchema.parse({ units: 'C', clock: '24h' })).toEqual({ units: 'C', clock: '24h' });
    expect(settingsPatchSchema.safeParse({}).success).toBe(false);
    expect(settingsPatchSchema.safeParse({ units: 'K' }).success).toBe(false);
    expect(settingsPatchSchema.safeParse({ theme: 'dark', colour: 'red' }).success).toBe(false);
    expect(userSettingsSchema.safeParse({ ...DEFAULT_SETTINGS, theme: 'sepia' }).success).toBe(false);
  });
});
