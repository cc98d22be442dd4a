// A practice session in real Chromium survives a reload and a switch of language: it continues at
// the same question, an answered question stays answered, and answering it again after the reload
// does not count a second attempt. Keyboard focus follows Start and Next to the question.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { buildItem, checkAnswer, decodeSpec } from '@/lib/quiz';
import { useAppAndBrowser } from './server';

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
      await page.goto(`${running().app.baseUrl}/en/practice?q=${SET}`, { waitUntil: 'networkidle' });
      await page.getByLabel('Acknowledgment number (ack)').fill(String(rightAck() - 1));
      await page.getByLabel('Acknowledgment number (ack)').press('Enter');
      await expect.poll(() => card.getAttribute('data-phase')).toBe('retry');
      await expect.poll(() => attempts(page)).toBe(1);

      // Reload mid-question: the same question, marked answered, and a second answer is not counted.
      await page.reload({ waitUntil: 'networkidle' });
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
      await page.reload({ waitUntil: 'networkidle' });
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

  it('Start practice puts the focus on the first question', async () => {
    const context = await running().browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    try {
      await page.goto(`${running().app.baseUrl}/en/practice`, { waitUntil: 'networkidle' });
      await page.getByRole('button', { name: 'Start practice' }).press('Enter');
      const counter = page.getByTestId('question-counter');
      await expect.poll(() => counter.textContent()).toMatch(/^Question 1 of \d+$/);
      expect(await counter.evaluate((el) => el === document.activeElement)).toBe(true);
    } finally {
      await context.close();
    }
  });
});
