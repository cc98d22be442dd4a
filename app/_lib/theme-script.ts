/**
 * Applies the color theme: a saved choice wins, otherwise the OS preference, which it keeps
 * following. Inlined in <head> so the first paint is right; self-contained (no outer names)
 * because it is sent as source text.
 */
export function initTheme() {
  const root = document.documentElement;
  if (root.dataset.themeReady) return;
  root.dataset.themeReady = '1';
  const media = window.matchMedia('(prefers-color-scheme: dark)');
  const apply = () => {
    let choice: string | null = null;
    try {
      choice = localStorage.getItem('synack:theme');
    } catch {
      choice = null;
    }
    const saved = choice === 'light' || choice === 'dark' ? choice : null;
    root.dataset.theme = saved ?? (media.matches ? 'dark' : 'light');
    root.dataset.themeChoice = saved ?? 'system';
  };
  apply();
  media.addEventListener('change', apply);
  window.addEventListener('synack:theme', apply);
}

export const THEME_STORAGE_KEY = 'synack:theme';
export const themeScript = `(${initTheme.toString()})();`;
