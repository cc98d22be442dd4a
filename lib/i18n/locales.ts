// The site's languages, shared by lib/ (content, explanations) and app/ (routing, pages). Pure.

export const LOCALES = ['en', 'zh'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

