import { routing, type Locale } from './routing';

/**
 * Picks the best supported locale from an Accept-Language header (pure).
 * `zh-CN`, `zh-TW`, `zh-Hans` all map to `zh`; anything unsupported falls back to the default.
 */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const quality = q ? Number(q.slice(2)) : 1;
      return { tag: tag.toLowerCase(), quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((entry) => entry.tag && entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const { tag } of ranked) {
    const base = tag.split('-')[0];
    const match = routing.locales.find((locale) => locale === base);
    if (match) return match;
  }
  return routing.defaultLocale;
}
