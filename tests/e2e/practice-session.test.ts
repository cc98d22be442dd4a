// A practice session in real Chromium survives a reload and a switch of language: it continues at
// the same question, an answered question stays answered, and answering it again after the reload
// does not count a second attempt. Keyboard focus follows Start and Next to the question. An endless
// run continues after a reload too, and its summary reopens a question on the answer given.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { buildItem, checkAnswer, decodeSpec, endlessItemAt } from '@/lib/quiz';
import { useAppAndBrowser, visit, reload } from './server';

const running = useAppAndBrowser();
const ACK = 'ack.handshake.42.b';
const FLAGS = 'next_flags.handshake.42.b';
const STATE = 'state.handshake.7.b';
const SET = `${ACK}~${FLAGS}~${STATE}`;

const rightAck = (): number => {
  const item = buildItem(decodeSpec(ACK) as NonNullable<ReturnType<typeof decodeSpec>>);
  return checkAnswer(item, 0).canonical as number;
};

const attempts = (page: Page): Promise<number> =>
  page.evaluate(() => (JSON.parse(localStorage.getItem('synack:quiz-progress') ?? '{"attempts":[]}') as { attempts: unknown[] }).attempts.length);

describe('a practice session', () => {
  it('survives a reload and a language switch, and counts each question once', { timeout: 120_000 }, async () => {
    const context = await running().browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      const counter = page.getByTestId('question-counter');
      const card = page.getByTestId('quiz-card');
      await visit(page, `${running().app.baseUrl}/en/practice?q=${SET}`, { waitUntil: 'networkidle' });
      await page.getByLabel('Acknowledgment number (ack)').fill(String(rightAck() - 1));
      await page.getByLabel('Acknowledgment number (ack)').press('Enter');
      await expect.poll(() => card.getAttribute('data-phase')).toBe('retry');
      await expect.poll(() => attempts(page)).toBe(1);

      // Reload mid-question: the same question, marked answered, and a second answer is not counted.
      await reload(page, { waitUntil: 'networkidle' });
      await expect.poll(() => counter.textContent()).toBe('Question 1 of 3');
      await expect.poll(() => page.getByTestId('answered-before').textContent()).toContain('not at the first try');
      await page.getByLabel('Acknowledgment number (ack)').fill(String(rightAck()));
      await page.getByLabel('Acknowledgment number (ack)').press('Enter');
      await expect.poll(() => card.getAttribute('data-phase')).toBe('correct');
      expect(await attempts(page)).toBe(1);

      // Next moves the focus to the new question's heading.
      await page.getByRole('button', { name: 'Next question' }).click();
      await expect.poll(() => counter.textContent()).toBe('Question 2 of 3');
      expect(await counter.evaluate((el) => el === document.activeElement)).toBe(true);
      await reload(page, { waitUntil: 'networkidle' });
      await expect.poll(() => counter.textContent()).toBe('Question 2 of 3');

      // The language switch keeps the set and the position.
      await page.getByRole('link', { name: '中文' }).click();
      await page.waitForURL(/\/zh\/practice\?q=/);
      await expect.poll(() => counter.textContent()).toBe('第 2 题，共 3 题');
      expect(new URL(page.url()).searchParams.get('q')).toBe(SET);
      expect(await attempts(page)).toBe(1);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('practising the same questions again is a retry: progress counts each question once, at its latest answer', { timeout: 120_000 }, async () => {
    const context = await running().browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      const card = page.getByTestId('quiz-card');
      const ack = page.getByLabel('Acknowledgment number (ack)');
      await visit(page, `${running().app.baseUrl}/en/practice?q=${ACK}`, { waitUntil: 'networkidle' });
      // The first run: wrong at the first try (a misconception), then right.
      await ack.fill(String(rightAck() - 1));
      await ack.press('Enter');
      await expect.poll(() => card.getAttribute('data-phase')).toBe('retry');
      await ack.fill(String(rightAck()));
      await ack.press('Enter');
      await page.getByRole('button', { name: 'See the summary' }).click();
      await page.getByRole('button', { name: 'Practice the same questions again' }).click();
      // The repeat: right at the first try.
      await ack.fill(String(rightAck()));
      await ack.press('Enter');
      await expect.poll(() => card.getAttribute('data-phase')).toBe('correct');
      await expect.poll(() => attempts(page)).toBe(2);

      await visit(page, `${running().app.baseUrl}/en/progress`, { waitUntil: 'networkidle' });
      await expect.poll(() => page.getByTestId('progress-total').textContent()).toBe('1 question answered, 1 right at the first try of the latest answer · 2 answers in total');
      expect(await page.getByTestId('skill-ack_of_syn').getAttribute('data-questions')).toBe('1');
      expect(await page.getByTestId('skill-ack_of_syn').textContent()).toContain('1 of 1 question right at the first try of the latest answer · 1 retry');
      // Fixed at the retry: no misconception is behind a mistake any more; the history keeps both answers.
      expect(await page.locator('[data-testid^="misconception-"]').count()).toBe(0);
      await page.getByText('None now: every question you answered with a misconception, you have since answered right.').waitFor();
      expect(await page.locator('table tbody tr').count()).toBe(2);
      expect(await page.locator('table tbody tr').first().textContent()).toContain('try 2');
      await visit(page, `${running().app.baseUrl}/zh/progress`, { waitUntil: 'networkidle' });
      await expect.poll(() => page.getByTestId('progress-total').textContent()).toBe('共答过 1 道题，最近一次第一遍答对 1 道 · 共作答 2 次');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('Start practice puts the focus on the first question', async () => {
    const context = await running().browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    try {
      await visit(page, `${running().app.baseUrl}/en/practice`, { waitUntil: 'networkidle' });
      await page.getByRole('button', { name: 'Start practice' }).press('Enter');
      const counter = page.getByTestId('question-counter');
      await expect.poll(() => counter.textContent()).toMatch(/^Question 1 of \d+$/);
      expect(await counter.evaluate((el) => el === document.activeElement)).toBe(true);
    } finally {
      await context.close();
    }
  });
});

/** An endless run whose first question asks a number (seq or ack), so the test can answer it by typing. */
function numberFirstRun(): { seed: number; field: 'seq' | 'ack'; right: number } {
  for (let seed = 1; seed < 500; seed++) {
    const first = endlessItemAt({ seed, topics: ['handshake'], difficulty: 'beginner' }, 0)?.item;
    if (first && (first.kind === 'seq' || first.kind === 'ack')) return { seed, field: first.kind, right: checkAnswer(first, 0).canonical as number };
  }
  throw new Error('no endless run starts with a number question');
}

describe('an endless practice run', () => {
  it('continues after a reload at the question it reached; the summary reopens a question on the answer given', { timeout: 120_000 }, async () => {
    const context = await running().browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      const run = numberFirstRun();
      const counter = page.getByTestId('question-counter');
      const card = page.getByTestId('quiz-card');
      const field = page.locator(`input[name=${run.field}]`);
      await visit(page, `${running().app.baseUrl}/en/practice?endless=1&seed=${run.seed}&topics=handshake&level=b`, { waitUntil: 'networkidle' });
      await expect.poll(() => counter.textContent()).toBe('Question 1');
      // Wrong at the first try, right at the second: the first try is what counts and what the summary shows.
      await field.fill(String(run.right + 1));
      await field.press('Enter');
      await expect.poll(() => card.getAttribute('data-phase')).toBe('retry');
      await field.fill(String(run.right));
      await field.press('Enter');
      await expect.poll(() => card.getAttribute('data-phase')).toBe('correct');
      await page.getByRole('button', { name: 'Next question' }).click();
      await expect.poll(() => counter.textContent()).toBe('Question 2');

      await reload(page, { waitUntil: 'networkidle' });
      await expect.poll(() => counter.textContent()).toBe('Question 2');
      expect(await attempts(page)).toBe(1);

      await page.getByRole('button', { name: 'Stop and see the summary' }).click();
      const summary = page.getByTestId('practice-summary');
      await expect.poll(() => summary.getByTestId('summary-row').count()).toBe(1);
      await summary.getByRole('button', { name: 'Show question 1 with your answer' }).click();
      const reopened = summary.getByTestId('quiz-card');
      await expect.poll(() => reopened.getAttribute('data-phase')).toBe('revealed');
      expect(await reopened.locator(`input[name=${run.field}]`).inputValue()).toBe(String(run.right + 1));
      expect(await reopened.locator(`input[name=${run.field}]`).isDisabled()).toBe(true);
      const feedback = await reopened.getByTestId('quiz-feedback').textContent();
      expect(feedback).toContain(`The answer: ${run.right}`);
      // The rule is given once: as the reason the answer is wrong, or under "The rule:" when that differs.
      expect((feedback ?? '').split(`The answer: ${run.right}`)[0]!.length).toBeGreaterThan(20);
      expect((feedback ?? '').match(/The rule:/g)?.length ?? 0).toBeLessThanOrEqual(1);
      expect(await reopened.getByRole('button', { name: 'Check' }).count()).toBe(0);
      // Opening it again records nothing.
      expect(await attempts(page)).toBe(1);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
