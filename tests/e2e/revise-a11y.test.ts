// Every revision page axe-clean in English and Chinese, light and dark, with content in it (due
// reviews, a mistake book, past exams, an exam in progress on each kind of question, a report);
// no sideways scrolling on a 390 px phone; and a whole mock exam sat with the keyboard alone.
// SYNACK_SHOTS=DIR also saves a screenshot of each page at 390 and 1366 px, to look at.
import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { encodeSpec, QUESTION_KINDS, type QuestionKind } from '@/lib/quiz';
import {
  answerQuestion,
  buildQuestion,
  completeExam,
  EMPTY_REVISION,
  encodeTrackSpec,
  finishExam,
  gradeQuestion,
  ingestAttempts,
  makeExam,
  parseRevisionState,
  rightAnswerOf,
  scoreExam,
  type ExamSession,
  type RevisionState,
} from '@/lib/revision';
import { useAppAndBrowser, visit } from './server';

const running = useAppAndBrowser();
const AXE_TIMEOUT = 240_000;
const HOUR = 3_600_000;

/** An exam that asks one question of every practice kind and one of the exam track. */
function everyKindExam(at: number): ExamSession {
  const family: Record<QuestionKind, string> = {
    next_flags: 'client_closes_first',
    seq: 'data_transfer',
    ack: 'handshake',
    len: 'data_transfer',
    state: 'server_closes_first',
    segment: 'handshake',
    spot_error: 'client_closes_first',
    multiple_choice: 'handshake',
    state_choice: 'client_closes_first',
    bytes: 'data_transfer',
  };
  const refs = QUESTION_KINDS.map((kind) => encodeSpec({ kind, family: family[kind] as never, seed: 7, difficulty: 'beginner' }));
  refs.push(encodeTrackSpec({ style: 'handshake_segment', seed: 3, difficulty: 'beginner' }));
  const base = makeExam({ count: refs.length, minutes: 60, topics: ['handshake', 'teardown', 'exam_track'], difficulty: 'beginner' }, 1, at);
  return { ...base, refs, answers: refs.map(() => null) };
}

/** A learner a few days into revising: misses in practice and an exam, due reviews, two past exams. */
function revisingLearner(now: number): RevisionState {
  const miss = (at: number, item: string, response: unknown) => {
    const q = buildQuestion(item)!;
    const g = gradeQuestion(q, response, 'en');
    return { at, item, kind: item.split('.')[0] as QuestionKind, skill: g.skill, correct: false, misconception: g.misconception, response: response as never };
  };
  let state = ingestAttempts(EMPTY_REVISION, [miss(now - 30 * HOUR, 'ack.handshake.42.b', 1), miss(now - 29 * HOUR, 'next_flags.client_closes_first.5.b', ['FIN'])]);
  for (const [i, at] of [now - 48 * HOUR, now - 26 * HOUR].entries()) {
    let exam = everyKindExam(at);
    exam.refs.forEach((ref, n) => {
      if (n % (i + 2) === 0) exam = answerQuestion(exam, n, rightAnswerOf(buildQuestion(ref)!, 'en')!.canonical, at + 1000 * (n + 1));
    });
    exam = finishExam(exam, at + 20 * 60_000);
    state = completeExam(state, exam, scoreExam(exam, 'en'));
  }
  return state;
}

async function openPage(options: { locale: 'en' | 'zh'; dark?: boolean; width?: number; state?: RevisionState | null }) {
  const context = await running().browser.newContext({ colorScheme: options.dark ? 'dark' : 'light', viewport: { width: options.width ?? 1366, height: 900 } });
  if (options.state) await context.addInitScript((raw) => localStorage.getItem('synack:revision') ?? localStorage.setItem('synack:revision', raw), JSON.stringify(options.state));
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, errors };
}

async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

async function shot(page: Page, name: string) {
  const dir = process.env.SYNACK_SHOTS;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

/** Each revision page (and the exam's three phases) with what must be on it before it is audited. */
async function eachRevisePage(page: Page, locale: 'en' | 'zh', audit: (name: string) => Promise<void>) {
  const base = running().app.baseUrl;
  await visit(page, `${base}/${locale}/revise`, { waitUntil: 'networkidle' });
  await page.getByTestId('due-count').filter({ hasText: /\d/ }).waitFor();
  await audit('home');
  await visit(page, `${base}/${locale}/revise/review`, { waitUntil: 'networkidle' });
  await page.getByTestId('review-session').waitFor();
  await audit('review');
  await visit(page, `${base}/${locale}/revise/mistakes`, { waitUntil: 'networkidle' });
  await page.getByTestId('mistake').first().waitFor();
  await page.getByTestId('mistake').first().locator('summary').click();
  await audit('mistakes');
  await visit(page, `${base}/${locale}/revise/exam`, { waitUntil: 'networkidle' });
  await page.getByTestId('score-chart').waitFor();
  await audit('exam-setup');
  await page.getByTestId('past-exams').getByRole('button').first().click();
  await page.getByTestId('exam-report').waitFor();
  await audit('exam-report');
  await visit(page, `${base}/${locale}/revise/sheet`, { waitUntil: 'networkidle' });
  await page.locator('[data-sheet]').waitFor();
  await audit('sheet');
}

describe('revision pages are axe-clean', () => {
  for (const locale of ['en', 'zh'] as const) {
    for (const dark of [false, true]) {
      it(`${locale} ${dark ? 'dark' : 'light'}: home, review, mistake book, exam setup, report, sheet`, async () => {
        const { context, page, errors } = await openPage({ locale, dark, state: revisingLearner(Date.now()) });
        try {
          const found: string[] = [];
          await eachRevisePage(page, locale, async (name) => {
            if (dark) expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
            found.push(...(await violations(page)).map((v) => `${name}: ${v}`));
          });
          expect(found).toEqual([]);
          expect(errors).toEqual([]);
        } finally {
          await context.close();
        }
      }, AXE_TIMEOUT);
    }

    it(`${locale}: an exam in progress, on every kind of question`, async () => {
      const exam = everyKindExam(Date.now());
      const { context, page, errors } = await openPage({ locale, state: { ...EMPTY_REVISION, activeExam: exam } });
      try {
        await visit(page, `${running().app.baseUrl}/${locale}/revise/exam`, { waitUntil: 'networkidle' });
        const found: string[] = [];
        for (let i = 0; i < exam.refs.length; i++) {
          await page.locator('[data-testid=exam-run] nav button').nth(i).click();
          const kind = exam.refs[i]!.startsWith('track.') ? 'track' : exam.refs[i]!.split('.')[0];
          await page.locator(`[data-testid=exam-question][data-kind=${kind}]`).waitFor();
          found.push(...(await violations(page)).map((v) => `${kind}: ${v}`));
        }
        expect(found).toEqual([]);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    }, AXE_TIMEOUT);
  }
});

describe('revision pages on a phone', () => {
  for (const locale of ['en', 'zh'] as const) {
    it(`${locale}: nothing scrolls sideways at 390 px (screenshots at 390 and 1366 px with SYNACK_SHOTS)`, async () => {
      for (const width of [390, 1366]) {
        const { context, page } = await openPage({ locale, width, state: revisingLearner(Date.now()) });
        try {
          const wide: string[] = [];
          await eachRevisePage(page, locale, async (name) => {
            const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
            if (overflow > 0) wide.push(`${name}: ${overflow}px`);
            await shot(page, `${locale}-${width}-${name}`);
          });
          expect(wide).toEqual([]);
        } finally {
          await context.close();
        }
      }
    }, AXE_TIMEOUT);
  }
});

describe('mock exam with the keyboard only', () => {
  /** Presses Tab until the focused element matches, as a keyboard user moves through the page. */
  async function tabTo(page: Page, matches: string, limit = 80) {
    for (let i = 0; i < limit; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate((selector) => document.activeElement?.matches(selector) ?? false, matches)) return;
    }
    throw new Error(`Tab never reached ${matches}`);
  }

  /** Presses Tab until a button with exactly this text has the focus. */
  async function tabToButton(page: Page, text: string, limit = 80) {
    for (let i = 0; i < limit; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate((t) => document.activeElement?.tagName === 'BUTTON' && document.activeElement.textContent?.trim() === t, text)) return;
    }
    throw new Error(`Tab never reached the ${text} button`);
  }

  it('answer every kind, move between questions, hand in and land on the report, without a mouse', async () => {
    const exam = everyKindExam(Date.now());
    const { context, page, errors } = await openPage({ locale: 'en', state: { ...EMPTY_REVISION, activeExam: exam } });
    try {
      await visit(page, `${running().app.baseUrl}/en/revise/exam`, { waitUntil: 'networkidle' });
      await page.getByTestId('exam-run').waitFor();
      for (let i = 0; i < exam.refs.length; i++) {
        const question = page.getByTestId('exam-question');
        const kind = await question.getAttribute('data-kind');
        if (kind === 'next_flags' || kind === 'segment') {
          await tabTo(page, '[data-testid=exam-question] button[aria-pressed]');
          await page.keyboard.press('Space');
        }
        if (kind === 'seq' || kind === 'ack' || kind === 'len' || kind === 'segment' || kind === 'bytes') {
          for (const field of kind === 'segment' ? ['seq', 'ack'] : [kind]) {
            await tabTo(page, `[data-testid=exam-question] input[name=${field}]`);
            await page.keyboard.type('1000');
          }
        }
        if (kind === 'state') {
          await tabTo(page, '[data-testid=exam-question] select');
          await page.keyboard.press('ArrowDown');
        }
        if (kind === 'multiple_choice' || kind === 'state_choice' || kind === 'spot_error' || kind === 'track') {
          await tabTo(page, '[data-testid=exam-question] input[type=radio]');
          await page.keyboard.press('ArrowDown'); // moves to the second choice and picks it
        }
        await expect.poll(async () => parseRevisionState(await page.evaluate(() => localStorage.getItem('synack:revision'))).activeExam?.answers[i] ?? null, { message: `${kind} answered` }).not.toBeNull();
        if (i + 1 < exam.refs.length) {
          await tabToButton(page, 'Next');
          await page.keyboard.press('Enter');
          // Focus goes back to the question counter, so the next Tab starts at the new question.
          await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('question-counter');
          expect(await page.getByTestId('question-counter').textContent()).toContain(String(i + 2));
        }
      }
      await tabToButton(page, 'Hand in');
      await page.keyboard.press('Enter');
      await page.getByTestId('exam-report').waitFor();
      // The report takes focus at its heading, so a screen reader starts there.
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('report-title');
      expect(await page.getByTestId('report-item').count()).toBe(exam.refs.length);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, AXE_TIMEOUT);
});
