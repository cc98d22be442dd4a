// Which messages travel to the browser. NextIntlClientProvider sends what it is given in every
// page's payload; given nothing it sends the whole catalog (47 kB in English, 70% of the lightest
// page's HTML), though a page's client components read a few namespaces of it. So the layout
// gives its own components the `chrome` scope, and a page whose client components read more
// wraps itself in <ClientMessages scope="..."> with its own (client-messages.tsx).
// tests/i18n/client-messages.test.ts walks each page's imports and fails, naming the file,
// when a client component reads a namespace its page's scope does not give.

type Messages = Record<string, unknown>;

export const CLIENT_SCOPES = {
  /** The layout's header, theme and language switches, account menu and offline notice. */
  chrome: ['account', 'language', 'revise.offline', 'site', 'theme'],
  home: ['home'],
  lesson: ['lesson', 'quiz', 'trace'],
  practice: ['misconceptions', 'practice', 'quiz', 'skills', 'trace'],
  explore: ['explore', 'quiz', 'trace'],
  sandbox: ['quiz', 'sandbox', 'trace'],
  progress: ['misconceptions', 'progressPage', 'quiz.kinds', 'skills'],
  /** The revision pages' own navigation, in their layout. */
  'revise-nav': ['revise.nav'],
  'revise-home': ['practice', 'quiz', 'revise.exam', 'revise.home', 'revise.recap', 'revise.track', 'skills', 'trace'],
  'revise-exam': ['practice', 'quiz', 'revise.exam', 'revise.recap', 'revise.track', 'skills', 'trace'],
  'revise-mistakes': ['misconceptions', 'quiz', 'revise.exam', 'revise.mistakes', 'revise.recap', 'revise.track', 'skills', 'trace'],
  'revise-review': ['quiz', 'revise.review', 'revise.track', 'skills', 'trace'],
  classes: ['classes'],
  /** A class's page and an assignment's settings: the assignment form. */
  'assignment-form': ['classes', 'practice.topicNames', 'quiz.kinds'],
  /** A student taking an assignment. */
  assignment: ['classes', 'quiz', 'trace'],
} as const satisfies Record<string, readonly string[]>;

export type ClientScope = keyof typeof CLIENT_SCOPES;

/**
 * The part of `messages` under the given namespaces, nested as in the catalog ('revise.exam'
 * gives `{ revise: { exam } }`); a namespace the catalog lacks is left out.
 */
export function pickMessages(messages: Messages, namespaces: readonly string[]): Messages {
  const picked: Messages = {};
  for (const namespace of namespaces) {
    const keys = namespace.split('.');
    let from: unknown = messages;
    for (const key of keys) from = isObject(from) ? from[key] : undefined;
    if (from === undefined) continue;
    let into = picked;
    for (const key of keys.slice(0, -1)) {
      if (!isObject(into[key])) into[key] = {};
      into = into[key] as Messages;
    }
    into[keys[keys.length - 1] as string] = from;
  }
  return picked;
}

function isObject(value: unknown): value is Messages {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
