import type { SettingsPatch, UserSettingsView } from '../api/settings-schemas';

export type UserSettings = UserSettingsView;

/** Where each user's display settings live. Only the fields a user ever set are stored. */
export interface SettingsStore {
  get(userId: string): Promise<Partial<UserSettings> | undefined>;
  /** Sets exactly the patched fields (others untouched, so two screens changing different settings both win); returns every stored field. */
  update(userId: string, patch: SettingsPatch, updatedAt: string): Promise<Partial<UserSettings>>;
}
