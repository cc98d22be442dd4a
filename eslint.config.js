import boundaries from 'eslint-plugin-boundaries';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// The layers of docs/architecture (README "Layout"), checked on RESOLVED import paths by
// eslint-plugin-boundaries: `../quiz/build`, `@/lib/quiz` and `../../lib/quiz/index` are one
// dependency. tests/lint/layers.test.ts writes probe files that break each rule and runs this
// config on them. Folders that do not exist yet keep their rule for when they appear.
const ELEMENTS = [
  { type: 'engine', pattern: 'lib/engine', partialMatch: false },
  { type: 'quiz', pattern: 'lib/quiz', partialMatch: false },
  { type: 'sandbox', pattern: 'lib/sandbox', partialMatch: false },
  { type: 'capture', pattern: 'lib/capture', partialMatch: false },
  { type: 'i18n', pattern: 'lib/i18n', partialMatch: false },
  { type: 'content', pattern: 'lib/content', partialMatch: false },
  { type: 'revision', pattern: 'lib/revision', partialMatch: false },
  { type: 'classroom', pattern: 'lib/classroom', partialMatch: false },
  { type: 'db', pattern: 'lib/db', partialMatch: false },
  { type: 'auth', pattern: 'lib/auth', partialMatch: false },
  { type: 'cli', pattern: 'lib/cli', partialMatch: false },
  { type: 'server', pattern: 'app/_server', partialMatch: false },
  { type: 'api', pattern: 'app/api', partialMatch: false },
  { type: 'components', pattern: 'app/_components', partialMatch: false },
  { type: 'client-lib', pattern: 'app/_lib', partialMatch: false },
  { type: 'workers', pattern: 'app/_workers', partialMatch: false },
  { type: 'pages', pattern: 'app', partialMatch: false },
  // Files directly in lib/ (lib/env.ts: configuration, read once and validated).
  { type: 'env', pattern: 'lib', partialMatch: false },
];

/** What each layer may import (besides itself); anything not listed is an error. */
const ALLOWED = {
  engine: [],
  quiz: ['engine'],
  sandbox: ['engine'],
  capture: ['engine'],
  i18n: [],
  content: ['engine', 'quiz', 'i18n'],
  revision: ['engine', 'quiz'],
  classroom: ['engine', 'quiz'],
  db: ['env'],
  auth: ['db', 'env'],
  cli: ['engine', 'quiz', 'capture', 'i18n'],
  // Only the server-side part of app/ touches databases and auth.
  server: ['db', 'auth', 'env', 'engine', 'quiz', 'revision', 'classroom', 'content', 'i18n'],
  api: ['server', 'env', 'engine', 'quiz', 'revision', 'classroom', 'content', 'capture', 'i18n'],
  env: [],
  'client-lib': ['engine', 'quiz', 'sandbox', 'revision', 'classroom', 'content', 'i18n', 'client-lib'],
  components: ['components', 'client-lib', 'engine', 'quiz', 'sandbox', 'revision', 'classroom', 'capture', 'content', 'i18n'],
  workers: ['engine', 'capture', 'quiz'],
  pages: ['pages', 'components', 'client-lib', 'server', 'engine', 'quiz', 'sandbox', 'revision', 'classroom', 'content', 'capture', 'i18n'],
};

const PURE = ['lib/engine/**/*.ts', 'lib/quiz/**/*.ts', 'lib/sandbox/**/*.ts'];

export default tseslint.config(
  { ignores: ['.next/**', 'node_modules/**', 'out/**', 'coverage/**', 'bench/out/**', 'next-env.d.ts', 'public/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // CommonJS files (the CLI launcher, which Node starts sooner than an ES module) require().
  { files: ['**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  {
    files: ['lib/**/*.ts', 'app/**/*.ts', 'app/**/*.tsx', 'proxy.ts'],
    plugins: { boundaries },
    settings: {
      'import/resolver': { typescript: { alwaysTryTypes: true, project: './tsconfig.json' } },
      'boundaries/elements': ELEMENTS,
      'boundaries/include': ['lib/**/*', 'app/**/*', 'proxy.ts'],
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          message: '{{from.type}} must not import {{to.type}} (the layers in eslint.config.js)',
          policies: [
            ...Object.entries(ALLOWED).map(([from, allow]) => ({
              from: { element: { type: from } },
              allow: { to: { element: { types: { anyOf: [from, ...allow] } } } },
            })),
            // The classroom rules run on the Store's interface: its types, never the database itself.
            {
              from: { element: { type: 'classroom' } },
              allow: { dependency: { kind: 'type' }, to: { element: { type: 'db' } } },
            },
            // Client components never import the content loader (types, erased at build, are fine).
            {
              from: { element: { type: 'components' } },
              disallow: { dependency: { kind: 'value' }, to: { element: { type: 'content' } } },
              message: 'lib/content is server-only: pass its output as props',
            },
          ],
        },
      ],
    },
  },
  {
    // Nothing in lib/ depends on Next.js, React or the app: route handlers, the CLI and workers use it.
    files: ['lib/**/*.ts', 'lib/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react/*', 'react-dom', 'react-dom/*', 'next', 'next/*', 'next-intl', 'next-intl/*'], message: 'lib/ must not depend on UI frameworks or Next.js.' },
          ],
        },
      ],
    },
  },
  {
    // The engine, the quiz layer and the sandbox logic run unchanged in the browser, a worker and
    // the CLI, and give the same answer twice: no Node APIs, no globals of a host, no clock, no
    // unseeded randomness.
    files: PURE,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto'], message: 'Pure layers must not use Node APIs.' },
            { group: ['react', 'react/*', 'react-dom', 'react-dom/*', 'next', 'next/*', 'next-intl', 'next-intl/*'], message: 'lib/ must not depend on UI frameworks or Next.js.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'process', 'crypto', 'performance'],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Time comes in as an argument.' },
        { object: 'Math', property: 'random', message: 'Randomness comes from the seeded RNG or an argument.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date']", message: 'Time comes in as an argument: no new Date() in a pure layer.' },
        { selector: "CallExpression[callee.name='Date']", message: 'Time comes in as an argument: no Date() in a pure layer.' },
      ],
    },
  },
  {
    files: ['app/**/*.tsx', 'app/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  ...appImportRules(),
);

/**
 * Package imports the app layers may not make, as one no-restricted-imports per group of files
 * (flat config keeps only the last options of a rule, so each group lists all of its own).
 */
function appImportRules() {
  const headers = { name: 'next/headers', message: 'Only app/_server reads request headers and cookies.' };
  // Lesson pages must not pull the engine into their first load: only the quiz, sandbox and
  // revise components (reached through next/dynamic) import its index.
  const engineIndex = { regex: '^@/lib/(engine|quiz)$', message: 'Import types from @/lib/engine/types; lesson pages get replays as props (quizzes load the engine lazily).' };
  const rule = (patterns) => ({ 'no-restricted-imports': ['error', { paths: [headers], patterns }] });
  const grading = ['app/_components/quiz/**', 'app/_components/sandbox/**', 'app/_components/revise/**'];
  return [
    { files: ['app/**/*.ts', 'app/**/*.tsx'], ignores: ['app/_server/**'], rules: rule([]) },
    { files: ['app/_components/**/*.tsx', 'app/_lib/**/*.tsx'], ignores: grading, rules: rule([engineIndex]) },
  ];
}
