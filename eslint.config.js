import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.next/**', 'node_modules/**', 'out/**', 'coverage/**', 'bench/out/**', 'next-env.d.ts'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The engine runs unchanged in the browser, a worker and the CLI: keep it pure by tooling.
    files: ['lib/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'path', 'os', 'child_process'], message: 'lib/engine must not use Node APIs.' },
            { group: ['react', 'react-dom', 'next', 'next/*', 'next-intl', 'next-intl/*'], message: 'lib/engine must not depend on UI frameworks.' },
            { group: ['@/app/*', '@/lib/content', '@/lib/content/*', '@/lib/db', '@/lib/db/*'], message: 'lib/engine is the bottom layer: nothing above it.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'process'],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Time comes in as an argument.' },
        { object: 'Math', property: 'random', message: 'Randomness comes from the seeded RNG.' },
      ],
    },
  },
  {
    // Client components must not pull the engine or the content loader into the browser bundle.
    files: ['app/_components/**/*.tsx', 'app/_lib/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^@/lib/(engine|quiz)$', message: 'Import types from @/lib/engine/types; lesson pages get replays as props (quizzes load the engine lazily).' },
            { regex: '^@/lib/content/(lessons|markdown|trace-view)$', message: 'lib/content is server-only.' },
          ],
        },
      ],
    },
  },
  {
    // Quizzes and the sandbox grade in the browser: they may import the engine and the quiz layer.
    // Lesson pages reach them only through next/dynamic, so the engine stays out of their first load.
    files: ['app/_components/quiz/**/*.tsx', 'app/_components/sandbox/**/*.tsx', 'app/_components/revise/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^@/lib/content/(lessons|markdown|trace-view)$', message: 'lib/content is server-only.' }] },
      ],
    },
  },
);
