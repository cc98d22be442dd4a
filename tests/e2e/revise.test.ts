// Revision in real Chromium: a whole mock exam in both languages (a reload mid-exam continues
// it, the time-out grades what was answered), the review queue across a reload, the summary
// sheet printing on exactly one A4 page in each language, and a lesson and a practice question
// answered with the network cut off once the service worker has them.
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { decodeSpec } from '@/lib/quiz';
import { buildQuestion, parseRevisionState, rightAnswerOf, type RevisionState } from '@/lib/revision';
import { useAppAndBrowser, visit, reload, untilServiceWorkerActive } from './server';

const running = useAppAndBrowser();

async function withPage<T>(run: (page: Page, errors: string[], context: BrowserContext) => Promise<T>): Promise<T> {
  const context = await running().browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    return await run(page, errors, context);
  } finally {
    await context.close();
  }
}

// Offline tests wait for the service worker to install and precache the app: on a loaded 2-core
// machine that alone can take longer than the default 30 s.
const OFFLINE_TIMEOUT = 120_000;

const url = (path: string) => `${running().app.baseUrl}${path}`;

async function revision(page: Page): Promise<RevisionState> {
  return parseRevisionState(await page.evaluate(() => localStorage.getItem('synack:revision')));
}

/** The right response to a question, from the engine, as the learner would give it on the page. */
function rightResponse(ref: string): unknown {
  const q = buildQuestion(ref);
  if (!q) throw new Error(`cannot build ${ref}`);
  return rightAnswerOf(q, 'en')?.canonical;
}

/**
 * Gives `response` on the exam question on screen as a learner would: a number typed, flags
 * pressed, a state chosen, a whole segment entered, or a choice by its index.
 */
async function answerExamQuestion(page: Page, response: unknown) {
  const question = page.getByTestId('exam-question');
  const kind = await question.getAttribute('data-kind');
  if (typeof response === 'number') return question.locator(`input[name=${kind}]`).fill(String(response));
  if (typeof response === 'string') return question.locator('select').selectOption(response);
  const pressFlags = async (flags: readonly string[]) => {
    for (const flag of flags) await question.getByRole('button', { name: flag, exact: true }).click();
  };
  if (Array.isArray(response)) {
    // An answer of no flags at all is given by pressing one and releasing it.
    if (response.length === 0) await pressFlags(['PSH', 'PSH']);
    return pressFlags(response as string[]);
  }
  const r = response as { option?: number; event?: number; flags?: string[]; seq?: number; ack?: number };
  if (r.flags) {
    await pressFlags(r.flags);
    await question.locator('input[name=seq]').fill(String(r.seq));
    return question.locator('input[name=ack]').fill(String(r.ack));
  }
  let index = r.option ?? 0;
  if (kind === 'spot_error') {
    // The radios list the trace's segments in order: find the position of the event among them.
    const ref = (await revision(page)).activeExam!.refs[await currentIndex(page)]!;
    const q = buildQuestion(ref)!;
    const events = q.source === 'quiz' ? q.item.trace.events : [];
    index = events.slice(0, r.event).filter((e) => 'send' in e || 'from' in e).length;
  }
  await question.locator('input[type=radio]').nth(index).check();
}

async function currentIndex(page: Page): Promise<number> {
  return (await revision(page)).activeExam!.visits.at(-1)!.index;
}

const TEXT = {
  en: { count: 'Number of questions', minutes: 'Time in minutes', start: 'Start the exam', next: 'Next', handIn: 'Hand in', confirm: 'Yes, hand in', score: '3 of 4 right (75%)', timedOut: 'The time ran out', handedIn: /^Handed in after \d+:\d\d of \d+:00\.$/ },
  zh: { count: '题目数量', minutes: '时长（分钟）', start: '开始考试', next: '下一题', handIn: '交卷', confirm: '确定交卷', score: '答对 3 / 4 题（75%）', timedOut: '时间已到', handedIn: /^用时 \d+:\d\d 交卷（限时 \d+:00）。$/ },
} as const;

describe('mock exam', () => {
  for (const locale of ['en', 'zh'] as const) {
    it(`${locale}: a whole exam, continued after a reload, answered without feedback, then the report`, async () => {
      await withPage(async (page, errors) => {
        const t = TEXT[locale];
        await visit(page, url(`/${locale}/revise/exam`));
        await page.getByLabel(t.count).fill('4');
        await page.getByLabel(t.minutes).fill('10');
        await page.getByRole('button', { name: t.start }).click();
        await page.getByTestId('exam-run').waitFor();
        const refs = (await revision(page)).activeExam!.refs;
        expect(refs).toHaveLength(4);
        expect(refs.some((r) => r.startsWith('track.'))).toBe(true); // the exam track is among the default topics

        for (let i = 0; i < 3; i++) {
          await answerExamQuestion(page, rightResponse(refs[i]!));
          await expect.poll(async () => (await revision(page)).activeExam!.answers[i] !== null).toBe(true);
          // No feedback during the exam: nothing says right or wrong.
          expect(await page.getByTestId('quiz-feedback').count()).toBe(0);
          if (i === 1) {
            const before = (await revision(page)).activeExam!.deadline;
            await reload(page);
            await page.getByTestId('exam-run').waitFor();
            expect(await page.getByTestId('question-counter').textContent()).toContain('2');
            expect((await revision(page)).activeExam!.deadline).toBe(before);
          }
          await page.getByRole('button', { name: t.next, exact: true }).click();
        }
        // The last question is left unanswered: handing in asks first.
        await page.getByRole('button', { name: t.handIn }).click();
        await page.getByRole('button', { name: t.confirm }).click();
        await page.getByTestId('exam-report').waitFor();
        expect(await page.getByTestId('exam-score').textContent()).toBe(t.score);
        const items = page.getByTestId('report-item');
        expect(await items.count()).toBe(4);
        expect(await page.locator('[data-testid=report-item][data-correct=true]').count()).toBe(3);
        // The weakest skill links to the lesson section that teaches it.
        const lessonLink = page.getByTestId('exam-report').locator(`a[href^="/${locale}/learn/"]`).first();
        expect(await lessonLink.getAttribute('href')).toMatch(new RegExp(`^/${locale}/learn/[a-z-]+#.+`));
        // Listed among past exams with its score; the miss is in the mistake book and the queue.
        const state = await revision(page);
        expect(state.activeExam).toBeNull();
        expect(state.exams.at(-1)).toMatchObject({ total: 4, correct: 3, timedOut: false });
        expect(state.mistakes.map((m) => m.ref)).toContain(refs[3]);
        expect(state.cards.length).toBeGreaterThan(0);
        expect(await page.getByTestId('handed-in').textContent()).toMatch(t.handedIn);
        await visit(page, url(`/${locale}/revise/exam`));
        await page.getByTestId('score-chart').waitFor();
        // Each point of the chart is dated; on the revision home the newest row opens this report.
        expect(await page.getByTestId('score-point').count()).toBe(state.exams.length);
        expect(await page.getByTestId('score-point').last().textContent()).toMatch(/\d/);
        await visit(page, url(`/${locale}/revise`));
        await page.getByTestId('past-exams').getByRole('link').first().click();
        await page.getByTestId('exam-report').waitFor();
        expect(await page.getByTestId('exam-score').textContent()).toBe(t.score);
        expect(await page.getByTestId('handed-in').textContent()).toMatch(t.handedIn);
        expect(errors).toEqual([]);
      });
    });
  }

  it('on time-out, the answers given by then are graded', async () => {
    await withPage(async (page, errors) => {
      await visit(page, url('/en/revise/exam'));
      await page.getByLabel('Number of questions').fill('3');
      await page.getByLabel('Time in minutes').fill('1');
      await page.getByRole('button', { name: 'Start the exam' }).click();
      await page.getByTestId('exam-run').waitFor();
      const refs = (await revision(page)).activeExam!.refs;
      await answerExamQuestion(page, rightResponse(refs[0]!));
      await expect.poll(async () => (await revision(page)).activeExam!.answers[0] !== null).toBe(true);
      // Bring the deadline to a few seconds from now, as if the minute had nearly passed, and reload.
      await page.evaluate(() => {
        const s = JSON.parse(localStorage.getItem('synack:revision') as string);
        s.activeExam.deadline = Date.now() + 3000;
        localStorage.setItem('synack:revision', JSON.stringify(s));
      });
      await reload(page);
      await page.getByTestId('exam-run').waitFor();
      expect(await page.getByTestId('exam-timer').textContent()).toMatch(/^0:0[0-3]$/);
      await page.getByTestId('exam-report').waitFor({ timeout: 10_000 });
      expect(await page.getByTestId('exam-report').textContent()).toContain('The time ran out: the 1 answer given by then was graded.');
      expect(await page.getByTestId('exam-score').textContent()).toBe('1 of 3 right (33%)');
      expect((await revision(page)).exams.at(-1)).toMatchObject({ timedOut: true, correct: 1 });
      expect(errors).toEqual([]);
    });
  });
});

describe('review queue', () => {
  it('a practice miss is due today, served with new numbers, kept across a reload and rescheduled when passed', async () => {
    await withPage(async (page, errors) => {
      const missed = 'ack.handshake.42.b';
      await visit(page, url(`/en/practice?q=${missed}`));
      await page.getByLabel('Acknowledgment number (ack)').fill('1');
      await page.getByRole('button', { name: 'Check', exact: true }).click();
      await page.locator('[data-testid=quiz-card][data-phase=retry]').waitFor();

      await visit(page, url('/en/revise'));
      await expect.poll(() => page.getByTestId('due-count').textContent()).toBe('1 skill to review today.');
      await visit(page, url('/en/revise/review'));
      const session = page.getByTestId('review-session');
      await expect.poll(() => session.getAttribute('data-ref')).toMatch(/^ack\.handshake\.\d+\.b$/);
      const served = (await session.getAttribute('data-ref')) as string;
      expect(served).not.toBe(missed);
      expect(decodeSpec(served)?.kind).toBe('ack');

      // Not answered yet: after a reload the card is still due and served again.
      await reload(page);
      await expect.poll(() => session.getAttribute('data-ref')).toMatch(/^ack\.handshake\.\d+\.b$/);
      const again = (await session.getAttribute('data-ref')) as string;
      const before = (await revision(page)).cards[0]!;
      await page.getByLabel('Acknowledgment number (ack)').fill(String(rightResponse(again)));
      await page.getByRole('button', { name: 'Check', exact: true }).click();
      await page.locator('[data-testid=quiz-card][data-phase=correct]').waitFor();
      await expect.poll(async () => (await revision(page)).cards[0]!.card.reps).toBe(before.card.reps + 1);

      await reload(page);
      await page.getByTestId('review-done').waitFor();
      // Nothing can be served now, so nothing is "left"; the card passed comes back later today (its learning step) and says why.
      await expect.poll(() => page.getByTestId('review-progress').textContent()).toBe('0 done · 0 left today');
      const later = page.getByTestId('review-later');
      if ((await later.count()) > 0) expect(await later.textContent()).toContain('you got it right');
      const after = (await revision(page)).cards[0]!;
      expect(after.card.due).toBeGreaterThan(Date.now());
      expect(after.lastRef).toBe(again);
      expect(errors).toEqual([]);
    });
  });
});

describe('review queue with an exam date', () => {
  it('a review FSRS would show after the exam is brought forward to before it, and stays so after a reload', async () => {
    await withPage(async (page, errors) => {
      await visit(page, url('/en/practice?q=ack.handshake.42.b'));
      await page.getByLabel('Acknowledgment number (ack)').fill('1');
      await page.getByRole('button', { name: 'Check', exact: true }).click();
      await page.locator('[data-testid=quiz-card][data-phase=retry]').waitFor();
      await visit(page, url('/en/revise'));
      await expect.poll(async () => (await revision(page)).cards.length).toBe(1);
      // As if the card had been learnt weeks ago and FSRS next showed it in a month.
      await page.evaluate(() => {
        const s = JSON.parse(localStorage.getItem('synack:revision') as string);
        const day = 86_400_000;
        s.cards[0].card.due = Date.now() + 30 * day;
        s.cards[0].card.last_review = Date.now() - 20 * day;
        s.cards[0].reviewedAt = Date.now() - 20 * day;
        localStorage.setItem('synack:revision', JSON.stringify(s));
      });
      await reload(page);
      await expect.poll(() => page.getByTestId('due-count').textContent()).toBe('Nothing to review right now.');
      const inTwoDays = await page.evaluate(() => new Date(Date.now() + 2 * 86_400_000).toLocaleDateString('sv'));
      await page.getByTestId('exam-date').fill(inTwoDays);
      await expect.poll(() => page.getByTestId('due-count').textContent()).toBe('1 skill to review today.');
      expect(await page.getByTestId('due-today').locator('..').textContent()).toContain('1 review is brought forward to fit before it.');
      await reload(page);
      await expect.poll(() => page.getByTestId('due-count').textContent()).toBe('1 skill to review today.');
      expect((await revision(page)).examDate).toBe(inTwoDays);
      expect(errors).toEqual([]);
    });
  });
});

describe('mistake book', () => {
  it("a wrong choice in a lesson's exam-style block is kept with the right option and the rule, and retried in one click", async () => {
    await withPage(async (page, errors) => {
      const ref = 'lesson:/learn/three-way-handshake#quiz-choice-synack';
      await visit(page, url('/en/learn/three-way-handshake'));
      // The lesson's second question (the client's state once the SYN,ACK arrives) answered wrong too, for the filter.
      await page.getByRole('button', { name: 'Answer the question' }).nth(1).click();
      const stateCard = page.getByTestId('quiz-card');
      await stateCard.locator('select').selectOption('SYN_SENT');
      await stateCard.getByRole('button', { name: 'Check' }).click();
      await stateCard.getByTestId('quiz-feedback').waitFor();
      // Its fourth is the exam-style one (the third button left): the SYN,ACK with ack = 1000 is option C.
      await page.getByRole('button', { name: 'Answer the question' }).nth(2).click();
      const card = page.getByTestId('quiz-card').nth(1);
      await card.waitFor();
      await card.locator('input[type=radio]').nth(2).check();
      await card.getByRole('button', { name: 'Check' }).click();
      await card.getByTestId('quiz-feedback').waitFor();
      await visit(page, url('/en/revise/mistakes'));
      await page.getByTestId('mistake').first().waitFor();
      expect(await page.getByTestId('mistake').count()).toBe(2);
      await page.getByLabel('Skill').selectOption('ack_of_syn');
      await expect.poll(() => page.getByTestId('mistake').count()).toBe(1);
      const entry = page.getByTestId('mistake');
      const text = await entry.textContent();
      expect(text).toContain('From the lesson');
      expect(text).toMatch(/Your answer: Option C: SYN, ACK\s+seq=5000 ack=1000/);
      expect(text).toMatch(/Right answer: Option B: SYN, ACK\s+seq=5000 ack=1001/);
      expect(text).toMatch(/Why: .*ack = 1000 \+ 1 = 1001/);
      expect((await revision(page)).mistakes.find((m) => m.ref === ref)).toMatchObject({ source: 'lesson', kind: 'multiple_choice', skill: 'ack_of_syn' });
      // A lesson's block cannot vary: the retry is a generated choice question of the same skill.
      await entry.getByRole('button', { name: 'Retry with fresh numbers' }).click();
      await entry.getByTestId('quiz-card').waitFor();
      expect(await entry.getByTestId('quiz-card').locator('input[type=radio]').count()).toBeGreaterThanOrEqual(2);
      expect(errors).toEqual([]);
    });
  });
});

describe('signed-in revision', () => {
  it('follows the learner to another device, and a review answered offline is synced when the network is back', async () => {
    const email = `revise-${Date.now()}@example.test`;
    const account = async (page: Page, path: string) =>
      page.evaluate(
        async ([p, e]) => (await fetch(p as string, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: e, password: 'correct horse 1', name: 'Revisor' }) })).status,
        [path, email],
      );
    const stored = async (page: Page) => page.evaluate(async () => (await (await fetch('/api/revision')).json()) as RevisionState);

    await withPage(async (laptop, errors, context) => {
      await visit(laptop, url('/en/practice?q=ack.handshake.42.b'));
      expect(await account(laptop, '/api/auth/sign-up/email')).toBe(200);
      await laptop.getByLabel('Acknowledgment number (ack)').fill('1');
      await laptop.getByRole('button', { name: 'Check', exact: true }).click();
      await laptop.locator('[data-testid=quiz-card][data-phase=retry]').waitFor();
      await visit(laptop, url('/en/revise'));
      await expect.poll(async () => (await stored(laptop)).cards.length, { timeout: 10_000 }).toBe(1);

      // Offline, the review is answered; it reaches the account once the network is back.
      await visit(laptop, url('/en/revise/review'));
      const session = laptop.getByTestId('review-session');
      await expect.poll(() => session.getAttribute('data-ref')).toMatch(/^ack\./);
      const ref = (await session.getAttribute('data-ref')) as string;
      await context.setOffline(true);
      await laptop.getByLabel('Acknowledgment number (ack)').fill(String(rightResponse(ref)));
      await laptop.getByRole('button', { name: 'Check', exact: true }).click();
      await laptop.locator('[data-testid=quiz-card][data-phase=correct]').waitFor();
      await context.setOffline(false);
      await laptop.evaluate(() => window.dispatchEvent(new Event('online')));
      await expect.poll(async () => (await stored(laptop)).cards[0]?.card.reps, { timeout: 10_000 }).toBe(2);
      // Requests that failed while the network was cut are the only console errors.
      expect(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|ERR_FAILED|Failed to fetch/.test(e))).toEqual([]);
    });

    await withPage(async (phone) => {
      await visit(phone, url('/en/revise'));
      expect(await account(phone, '/api/auth/sign-in/email')).toBe(200);
      await reload(phone);
      await expect.poll(async () => (await revision(phone)).cards[0]?.card.reps, { timeout: 10_000 }).toBe(2);
      expect((await revision(phone)).mistakes.map((m) => m.ref)).toContain('ack.handshake.42.b');
    });
  });
});

describe('signed-in mock exam offline', () => {
  it('answers given with the network cut, kept across an offline reload, reach the account when it is back; the exam date set as a visitor follows the sign-up', async () => {
    const email = `exam-${Date.now()}@example.test`;
    const stored = async (page: Page) => page.evaluate(async () => (await (await fetch('/api/revision')).json()) as RevisionState);
    await withPage(async (page, errors, context) => {
      // A visitor sets an exam date, then signs up through the form.
      await visit(page, url('/en/revise'));
      await page.getByTestId('exam-date').fill('2030-06-01');
      await expect.poll(async () => (await revision(page)).examDate).toBe('2030-06-01');
      await visit(page, url('/en/sign-up'));
      await page.getByLabel('Your name').fill('Examinee');
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password', { exact: true }).fill('correct horse 1');
      await page.getByRole('button', { name: 'Create account' }).click();
      await expect.poll(async () => (await stored(page)).examDate, { timeout: 15_000 }).toBe('2030-06-01');

      // The exam page is visited online (the service worker keeps it), then the network is cut.
      await visit(page, url('/en/revise/exam'));
      await untilServiceWorkerActive(page);
      await reload(page);
      await page.getByTestId('exam-config').waitFor();
      await context.setOffline(true);
      await page.getByLabel('Number of questions').fill('3');
      await page.getByLabel('Time in minutes').fill('10');
      await page.getByRole('button', { name: 'Start the exam' }).click();
      await page.getByTestId('exam-run').waitFor();
      const refs = (await revision(page)).activeExam!.refs;
      for (let i = 0; i < 2; i++) {
        await answerExamQuestion(page, rightResponse(refs[i]!));
        await expect.poll(async () => (await revision(page)).activeExam!.answers[i] !== null).toBe(true);
        await page.getByRole('button', { name: 'Next', exact: true }).click();
      }
      await reload(page); // still offline: the service worker serves the page, the exam continues
      await page.getByTestId('exam-run').waitFor();
      expect((await revision(page)).activeExam!.answers.map((a) => a !== null)).toEqual([true, true, false]);
      await page.getByRole('button', { name: 'Hand in' }).click();
      await page.getByRole('button', { name: 'Yes, hand in' }).click();
      await page.getByTestId('exam-report').waitFor();

      await context.setOffline(false);
      await page.evaluate(() => window.dispatchEvent(new Event('online')));
      await expect.poll(async () => (await stored(page)).exams.length, { timeout: 15_000 }).toBe(1);
      const account = await stored(page);
      expect(account.exams[0]).toMatchObject({ total: 3, correct: 2 });
      expect(account.recentExams[0]!.answers.slice(0, 2).map((a) => a?.response)).toEqual([rightResponse(refs[0]!), rightResponse(refs[1]!)]);
      expect(account.mistakes.map((m) => m.ref)).toContain(refs[2]);
      expect(account.examDate).toBe('2030-06-01');
      expect(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|ERR_FAILED|Failed to fetch|Failed to load resource/.test(e))).toEqual([]);
    });
  }, OFFLINE_TIMEOUT);
});

describe('summary sheet', () => {
  for (const locale of ['en', 'zh'] as const) {
    it(`${locale}: prints on exactly one A4 page`, async () => {
      await withPage(async (page) => {
        await visit(page, url(`/${locale}/revise/sheet`));
        await page.locator('[data-sheet]').waitFor();
        const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: false });
        const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? [];
        expect(pages).toHaveLength(1);
        // What the sheet must hold, on that page.
        const text = await page.locator('[data-sheet]').textContent();
        for (const needed of ['TIME_WAIT', '2MSL', 'CLOSE_WAIT', 'LAST_ACK', 'ack=x+1', 'FIN,ACK seq=u ack=v', 'ack=w+1', 'SYN,ACK → SYN_RECEIVED']) expect(text).toContain(needed);
        expect(await page.locator('[data-sheet] tbody tr').count()).toBe(11);
      });
    });

    it(`${locale}: no line of a diagram crosses its text, on screen and in print`, async () => {
      await withPage(async (page) => {
        await visit(page, url(`/${locale}/revise/sheet`));
        for (const media of ['screen', 'print'] as const) {
          await page.emulateMedia({ media });
          const diagrams = await page.locator('[data-sheet] svg[role=img]').evaluateAll((svgs) =>
            svgs.map((svg) => ({
              texts: [...svg.querySelectorAll('text')].map((t) => {
                const b = t.getBBox();
                return { text: t.textContent ?? '', x: b.x, y: b.y, w: b.width, h: b.height };
              }),
              lines: [...svg.querySelectorAll('line')].map((l) => ({ x1: l.x1.baseVal.value, y1: l.y1.baseVal.value, x2: l.x2.baseVal.value, y2: l.y2.baseVal.value })),
            })),
          );
          expect(diagrams).toHaveLength(2);
          for (const { texts, lines } of diagrams) {
            expect(texts.length).toBeGreaterThan(8);
            const crossings = texts.flatMap((t) => lines.filter((l) => segmentMeetsBox(l, t)).map((l) => `${media}: "${t.text}" crossed by ${JSON.stringify(l)}`));
            const overlaps = texts.flatMap((t, i) => texts.slice(i + 1).filter((u) => boxesMeet(t, u)).map((u) => `${media}: "${t.text}" over "${u.text}"`));
            expect([...crossings, ...overlaps]).toEqual([]);
          }
        }
      });
    });
  }
});

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

const boxesMeet = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** Whether a line segment passes through a box: clipped to the box's x span, its y range meets the box's. */
function segmentMeetsBox(l: { x1: number; y1: number; x2: number; y2: number }, b: Box): boolean {
  const [lo, hi] = [Math.max(Math.min(l.x1, l.x2), b.x), Math.min(Math.max(l.x1, l.x2), b.x + b.w)];
  if (lo > hi) return false;
  const yAt = (x: number) => (l.x1 === l.x2 ? l.y1 : l.y1 + ((l.y2 - l.y1) * (x - l.x1)) / (l.x2 - l.x1));
  const ys = l.x1 === l.x2 ? [l.y1, l.y2] : [yAt(lo), yAt(hi)];
  return Math.max(...ys) > b.y && Math.min(...ys) < b.y + b.h;
}

/** Fires Chromium's install event as the browser would once the app is installable; the page's prompt() is counted. */
async function offerInstall(page: Page) {
  await page.evaluate(() => {
    const event = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
      prompt: async () => void (window as unknown as { prompted: number }).prompted++,
      userChoice: Promise.resolve({ outcome: 'accepted' }),
    });
    (window as unknown as { prompted: number }).prompted = 0;
    window.dispatchEvent(event);
  });
}

describe('service worker and the session', () => {
  it('keeps no page rendered for a signed-in session: offline after signing out, the classes page is the offline page', async () => {
    await withPage(async (page, errors, context) => {
      await visit(page, url('/en'));
      await untilServiceWorkerActive(page);
      const status = await page.evaluate(
        async (email) => (await fetch('/api/auth/sign-up/email', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'correct horse 1', name: 'Shared Computer' }) })).status,
        `sw-${Date.now()}@example.test`,
      );
      expect(status).toBe(200);
      for (const path of ['/en/classes', '/en/revise']) {
        await visit(page, url(path));
        await page.waitForLoadState('networkidle');
      }
      const kept = await page.evaluate(async () => {
        const urls: string[] = [];
        for (const name of await caches.keys()) for (const r of await (await caches.open(name)).keys()) urls.push(new URL(r.url).pathname);
        return urls;
      });
      expect(kept).toContain('/en/revise'); // pages are kept as ever
      expect(kept.filter((p) => /^\/(en|zh)\/(classes|assignments|sign-)/.test(p))).toEqual([]);
      await page.evaluate(() => fetch('/api/auth/sign-out', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }));
      await context.setOffline(true);
      await visit(page, url('/en/classes'));
      expect(await page.locator('h1').first().textContent()).toBe('You are offline');
      expect(await page.locator('main').textContent()).not.toContain('Shared Computer');
      expect(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|ERR_FAILED|Failed to fetch|Failed to load resource/.test(e))).toEqual([]);
    });
  }, OFFLINE_TIMEOUT);
});

describe('progress reset', () => {
  it('asks first: dismissed, every answer stays; accepted, they are gone', async () => {
    await withPage(async (page, errors) => {
      await visit(page, url('/en/practice?q=ack.handshake.42.b'));
      await page.getByLabel('Acknowledgment number (ack)').fill('1');
      await page.getByRole('button', { name: 'Check', exact: true }).click();
      await page.locator('[data-testid=quiz-card][data-phase=retry]').waitFor();
      await visit(page, url('/en/progress'));
      const reset = page.getByRole('button', { name: 'Reset quiz progress' });
      const asked: string[] = [];
      page.once('dialog', (d) => void (asked.push(d.message()), d.dismiss()));
      await reset.click();
      await expect.poll(() => asked.length).toBe(1);
      expect(asked[0]).toMatch(/^Reset quiz progress\? All 1 answer /);
      expect(await reset.count()).toBe(1);
      expect(await page.evaluate(() => localStorage.getItem('synack:quiz-progress'))).toContain('ack.handshake.42.b');
      page.once('dialog', (d) => void d.accept());
      await reset.click();
      await expect.poll(() => reset.count()).toBe(0);
      expect(errors).toEqual([]);
    });
  });
});

describe('install offer', () => {
  it('stays out of the way: not on the first page, nor in a mock exam or on the sheet; at the end of a page, covering nothing; "Not now" puts it away', async () => {
    await withPage(async (page, errors) => {
      await visit(page, url('/en/revise'));
      await offerInstall(page);
      const offer = page.getByTestId('install-offer');
      const nav = page.getByRole('navigation', { name: 'Revision', exact: true });
      expect(await offer.count()).toBe(0); // the first page a visit opens
      for (const [link, path] of [['Mock exam', /\/revise\/exam$/], ['Summary sheet', /\/revise\/sheet$/]] as const) {
        await nav.getByRole('link', { name: link }).click();
        await page.waitForURL(path);
        await page.locator('main h1').waitFor();
        expect(await offer.count(), link).toBe(0);
      }
      await nav.getByRole('link', { name: 'Mistake book' }).click();
      await offer.waitFor();
      // In the flow between the page and its footer: it covers nothing and moves nothing above it.
      const box = await page.evaluate(() => {
        const top = (s: string) => document.querySelector(s)!.getBoundingClientRect();
        return { main: top('main').bottom, offer: top('[data-testid=install-offer]'), footer: top('footer').top };
      });
      expect(box.offer.top).toBeGreaterThanOrEqual(box.main);
      expect(box.footer).toBeGreaterThanOrEqual(box.offer.bottom);
      expect(await offer.evaluate((el) => getComputedStyle(el).position)).toBe('static');
      await offer.getByRole('button', { name: 'Install' }).click();
      expect(await page.evaluate(() => (window as unknown as { prompted: number }).prompted)).toBe(1);
      expect(await offer.count()).toBe(0);

      await reload(page);
      await offerInstall(page);
      await nav.getByRole('link', { name: 'Review', exact: true }).click();
      await offer.getByRole('button', { name: 'Not now' }).click();
      expect(await offer.count()).toBe(0);
      await reload(page);
      await offerInstall(page);
      await nav.getByRole('link', { name: 'Revision', exact: true }).click();
      await page.waitForURL(/\/revise$/);
      await page.waitForTimeout(300);
      expect(await offer.count()).toBe(0); // put away for a month
      expect(errors).toEqual([]);
    });
  });
});

describe('offline', () => {
  it('a lesson and a practice question work with the network cut off once visited', async () => {
    await withPage(async (page, _errors, context) => {
      await visit(page, url('/en'));
      // The service worker installs (precaching the app's scripts); the pages visited next go through it.
      await untilServiceWorkerActive(page);
      const lesson = '/en/learn/three-way-handshake';
      const practice = '/en/practice?q=ack.handshake.42.b';
      for (const path of [lesson, practice]) {
        await visit(page, url(path));
        await page.waitForLoadState('networkidle');
      }

      await context.setOffline(true);
      await visit(page, url(lesson));
      expect(await page.locator('h1').first().textContent()).toBe('The three-way handshake');
      await page.getByTestId('offline-note').filter({ hasText: 'You are offline' }).waitFor();

      await visit(page, url(practice));
      await page.getByLabel('Acknowledgment number (ack)').fill(String(rightResponse('ack.handshake.42.b')));
      await page.getByRole('button', { name: 'Check', exact: true }).click();
      await page.locator('[data-testid=quiz-card][data-phase=correct]').waitFor();

      // A page never visited gets the offline page, in its language.
      await visit(page, url('/zh/glossary'));
      expect(await page.locator('h1').first().textContent()).toBe('当前处于离线状态');
    });
  }, OFFLINE_TIMEOUT);
});

describe('a shared computer', () => {
  const signUpHere = async (page: Page, email: string) => {
    await visit(page, url('/en/sign-up'));
    await page.getByLabel('Your name').fill(email.split('@')[0] as string);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('correct horse 1');
    await page.getByRole('main').getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL((u) => !u.pathname.endsWith('/sign-up'));
  };
  const accountAttempts = (page: Page) => page.evaluate(async () => ((await (await fetch('/api/progress')).json()) as { quiz: { attempts: unknown[] } }).quiz.attempts.length);
  const localAttempts = (page: Page) => page.evaluate(() => (JSON.parse(localStorage.getItem('synack:quiz-progress') ?? '{"attempts":[]}') as { attempts: unknown[] }).attempts.length);

  it("signing out sends the progress to the account and forgets it here; the next person's account never gets another's", async () => {
    await withPage(async (page, errors) => {
      await visit(page, url('/en/practice?q=ack.handshake.42.b'));
      await page.getByLabel('Acknowledgment number (ack)').fill('1');
      await page.getByRole('button', { name: 'Check', exact: true }).click();
      await page.locator('[data-testid=quiz-card][data-phase=retry]').waitFor();
      const first = `first-${Date.now()}@example.test`;
      await signUpHere(page, first); // the visitor's answer moves into the first account
      expect(await accountAttempts(page)).toBe(1);
      const leftBehind = await page.evaluate(() => localStorage.getItem('synack:quiz-progress'));

      await visit(page, url('/en/sign-out'));
      await page.getByRole('main').getByRole('button', { name: 'Sign out' }).click();
      await page.waitForURL((u) => !u.pathname.endsWith('/sign-out'));
      expect(await localAttempts(page)).toBe(0);

      // A session that ended without a sign-out (it expired) leaves its copy behind: it is dropped, not merged.
      await page.evaluate((kept) => {
        localStorage.setItem('synack:quiz-progress', kept as string);
        localStorage.setItem('synack:progress-owner', 'an-account-whose-session-expired');
      }, leftBehind);
      await signUpHere(page, `second-${Date.now()}@example.test`);
      expect(await accountAttempts(page)).toBe(0);
      expect(await localAttempts(page)).toBe(0);

      const back = await page.evaluate(async (email) => (await fetch('/api/auth/sign-in/email', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'correct horse 1' }) })).status, first);
      expect(back).toBe(200);
      expect(await accountAttempts(page)).toBe(1); // the first account kept its answer
      expect(errors).toEqual([]);
    });
  });
});
