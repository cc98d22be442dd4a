/**
 * Runs before first paint (inlined in <head>) so the page never flashes the wrong theme:
 * a saved choice wins, otherwise the OS preference, which it keeps following.
 */
export const THEME_STORAGE_KEY = 'synack:theme';

export const themeScript = `(() => {
  const key = ${JSON.stringify(THEME_STORAGE_KEY)};
  const media = window.matchMedia('(prefers-color-scheme: dark)');
  const apply = () => {
    let choice = null;
    try { choice = localStorage.getItem(key); } catch {}
    const theme = choice === 'light' || choice === 'dark' ? choice : (media.matches ? 'dark' : 'light');
    document.documentElement.dataset.theme = theme;
    document.documentElement.dataset.themeChoice = choice === 'light' || choice === 'dark' ? choice : 'system';
  };
  apply();
  media.addEventListener('change', apply);
  window.addEventListener('synack:theme', apply);
})();`;
