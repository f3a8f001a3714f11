/**
 * The last settings this browser saw, in localStorage: the next page load starts in the right theme and units
 * before GET /me/settings answers. The server's copy always wins once it arrives.
 */
import type { UserSettingsView } from '../../../shared/api/settings-schemas';
import { readOrUndefined } from '../api/wireReader';
import { readUserSettings } from '../api/wireShapes';

export { DEFAULT_SETTINGS } from '../../../shared/settings/user-settings';

const KEY = 'pitwatch.settings';

export function rememberedSettings(storage: Pick<Storage, 'getItem'> | undefined = safeLocalStorage()): UserSettingsView | undefined {
  try {
    const raw = storage?.getItem(KEY);
    if (raw === null || raw === undefined) return undefined;
    return readOrUndefined(readUserSettings, JSON.parse(raw));
  } catch {
    return undefined;
  }
}

export function rememberSettings(settings: UserSettingsView, storage: Pick<Storage, 'setItem'> | undefined = safeLocalStorage()): void {
  try {
    storage?.setItem(KEY, JSON.stringify(settings));
  } catch {
    // Full or forbidden storage: the server still has them.
  }
}

function safeLocalStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}
