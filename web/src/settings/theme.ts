/**
 * The theme the user chose (system, dark, light) on the document: `data-theme` pins the palette in styles.css, no
 * attribute follows the system. Also tells whether the page is dark right now, for the chart's canvas colours.
 */
import type { UserSettingsView } from '../../../shared/api/settings-schemas';

export type ThemeChoice = UserSettingsView['theme'];

export function applyTheme(theme: ThemeChoice, root: HTMLElement = document.documentElement): void {
  if (theme === 'system') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', theme);
  root.style.colorScheme = theme === 'system' ? 'light dark' : theme;
}

/** Calls `listener` whenever the effective theme may have changed (the choice, or the system's own setting). */
export function watchTheme(listener: () => void, root: HTMLElement = document.documentElement): () => void {
  const observer = new MutationObserver(listener);
  observer.observe(root, { attributes: true, attributeFilter: ['data-theme'] });
  const media = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;
  media?.addEventListener('change', listener);
  return () => {
    observer.disconnect();
    media?.removeEventListener('change', listener);
  };
}
