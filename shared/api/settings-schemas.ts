/** Wire contracts of GET/PATCH /me/settings: how a user wants Pitwatch shown, the same on every screen they use. */
import * as z from '../validation/zod';
import { isTimeZone } from '../settings/time-zone';

export const displayUnitsSchema = z.enum(['F', 'C']);
export const clockStyleSchema = z.enum(['12h', '24h']);
export const themeSchema = z.enum(['system', 'dark', 'light']);

/** An IANA time zone ("Europe/Berlin", "UTC"); null: each screen follows its own device's zone. */
export const timeZoneSchema = z.nullable(z.string().check(z.minLength(1), z.maxLength(64), z.refine(isTimeZone, { message: 'an IANA time zone such as Europe/Berlin' })));

export const userSettingsSchema = z.object({
  units: displayUnitsSchema,
  clock: clockStyleSchema,
  timeZone: timeZoneSchema,
  theme: themeSchema,
});
export type UserSettingsView = z.infer<typeof userSettingsSchema>;

/** Only the fields to change; at least one. Unknown fields are rejected, not ignored. */
export const settingsPatchSchema = z
  .strictObject({
    units: z.optional(displayUnitsSchema),
    clock: z.optional(clockStyleSchema),
    timeZone: z.optional(timeZoneSchema),
    theme: z.optional(themeSchema),
  })
  .check(z.refine((patch) => Object.keys(patch).length > 0, { message: 'name at least one setting to change' }));
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;
