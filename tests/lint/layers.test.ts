// The layer rules catch a breaking import however it is spelled: probe files that break each rule
// (relative paths, the `@/` alias, index and deep imports) are written into the tree, the
// project's own ESLint config lints them, and they are removed. Allowed imports are probed too,
// so a rule that flags everything fails as surely as one that flags nothing.
import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const TAG = `zz-layer-probe-${process.pid}`;

interface Probe {
  name: string;
  file: string;
  code: string;
  /** The rule that must fire, or null when the import is allowed. */
  rule: string | null;
}

const probes: Probe[] = [
  { name: 'engine imports quiz (relative)', file: 'lib/engine/P.ts', code: "import { lessonItem } from '../quiz/build';\nexport const p = lessonItem;\n", rule: 'boundaries/dependencies' },
  { name: 'engine imports quiz (alias)', file: 'lib/engine/internal/P.ts', code: "import { lessonItem } from '@/lib/quiz';\nexport const p = lessonItem;\n", rule: 'boundaries/dependencies' },
  { name: 'engine imports app/', file: 'lib/engine/P.ts', code: "import { routing } from '../../app/_lib/i18n/routing';\nexport const p = routing;\n", rule: 'boundaries/dependencies' },
  { name: 'engine imports configuration', file: 'lib/engine/P.ts', code: "import * as env from '../env';\nexport const p = env;\n", rule: 'boundaries/dependencies' },
  { name: 'quiz imports the content loader', file: 'lib/quiz/P.ts', code: "import { loadLesson } from '../content/lessons';\nexport const p = loadLesson;\n", rule: 'boundaries/dependencies' },
  { name: 'content imports the database', file: 'lib/content/P.ts', code: "import * as db from '../db/index';\nexport const p = db;\n", rule: 'boundaries/dependencies' },
  { name: 'revision imports auth', file: 'lib/revision/P.ts', code: "import * as auth from '../auth';\nexport const p = auth;\n", rule: 'boundaries/dependencies' },
  { name: 'quiz imports React', file: 'lib/quiz/P.ts', code: "import { useState } from 'react';\nexport const p = useState;\n", rule: 'no-restricted-imports' },
  { name: 'content imports next/headers', file: 'lib/content/P.ts', code: "import { headers } from 'next/headers';\nexport const p = headers;\n", rule: 'no-restricted-imports' },
  { name: 'new Date() in the engine', file: 'lib/engine/P.ts', code: 'export const p = new Date();\n', rule: 'no-restricted-syntax' },
  { name: 'Date.now in the quiz layer', file: 'lib/quiz/P.ts', code: 'export const p = Date.now();\n', rule: 'no-restricted-properties' },
  { name: 'Math.random in the quiz layer', file: 'lib/quiz/P.ts', code: 'export const p = Math.random();\n', rule: 'no-restricted-properties' },
  { name: 'a client component imports the content loader', file: 'app/_components/lesson/P.tsx', code: "import { loadLesson } from '../../../lib/content/lessons';\nexport const p = loadLesson;\n", rule: 'boundaries/dependencies' },
  { name: 'a client component imports the database', file: 'app/_components/P.tsx', code: "import * as db from '../../lib/db';\nexport const p = db;\n", rule: 'boundaries/dependencies' },
  { name: 'a page imports auth', file: 'app/[locale]/P.tsx', code: "import * as auth from '../../lib/auth';\nexport const p = auth;\n", rule: 'boundaries/dependencies' },
  { name: 'a component reads next/headers', file: 'app/_components/P.tsx', code: "import { cookies } from 'next/headers';\nexport const p = cookies;\n", rule: 'no-restricted-imports' },
  {
    name: 'a hook called conditionally',
    file: 'app/_components/P.tsx',
    code: "import { useState } from 'react';\nexport function P({ on }: { on: boolean }) {\n  if (on) useState(0);\n  return null;\n}\n",
    rule: 'react-hooks/rules-of-hooks',
  },
  { name: 'the classroom rules reach the database itself', file: 'lib/classroom/P.ts', code: "import { getStore } from '../db/index';\nexport const p = getStore;\n", rule: 'boundaries/dependencies' },
  // Allowed: these must lint clean.
  { name: 'the classroom rules use the Store type', file: 'lib/classroom/P.ts', code: "import type { Store } from '../db/index';\nexport type P = Store;\n", rule: null },
  { name: 'quiz imports the engine (relative)', file: 'lib/quiz/P.ts', code: "import { replayTrace } from '../engine/index';\nexport const p = replayTrace;\n", rule: null },
  { name: 'app/_server imports the database', file: 'app/_server/P.ts', code: "import * as db from '../../lib/db';\nexport const p = db;\n", rule: null },
  { name: 'a client component imports a content type', file: 'app/_components/lesson/P.tsx', code: "import type { LessonPart } from '../../../lib/content';\nexport type P = LessonPart;\n", rule: null },
  { name: 'content imports the locales', file: 'lib/content/P.ts', code: "import { LOCALES } from '../i18n/locales';\nexport const p = LOCALES;\n", rule: null },
];

const written = probes.map((p, i) => {
  const ext = path.extname(p.file);
  return path.join(ROOT, path.dirname(p.file), `${TAG}-${i}${ext}`);
});
let results: ESLint.LintResult[] = [];

beforeAll(async () => {
  try {
    probes.forEach((p, i) => {
      fs.mkdirSync(path.dirname(written[i] as string), { recursive: true });
      fs.writeFileSync(written[i] as string, p.code);
    });
    results = await new ESLint({ cwd: ROOT }).lintFiles(written);
  } finally {
    for (const file of written) fs.rmSync(file, { force: true });
  }
}, 120_000);

afterAll(() => {
  for (const file of written) fs.rmSync(file, { force: true });
});

describe('layer rules on resolved paths', () => {
  probes.forEach((p, i) => {
    it(`${p.rule ? 'catches' : 'allows'}: ${p.name}`, () => {
      const result = results.find((r) => r.filePath === written[i]);
      const rules = (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
      if (p.rule) expect(rules).toContain(p.rule);
      else expect(rules).toEqual([]);
    });
  });
});
