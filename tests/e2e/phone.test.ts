// A phone (390 x 844), a desktop (1366 x 900) and the keyboard, measured in Chromium: no page is
// wider than the screen; sequence labels neither overprint nor spill and no line runs through
// them; tables keep their words whole and show when they scroll; the state diagram scrolls with a
// sign it does; drawings keep their room before hydration; the sticky controls stay small; widgets
// count only what happens on the wire; glossary ids are prefixed; focus stays at a widget's end.
import { describe, expect, it } from 'vitest';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import en from '@/content/ui/en.json';
import zh from '@/content/ui/zh.json';
import { QUIZ_PROGRESS_KEY } from '@/app/_lib/quiz-progress';
import type { Attempt } from '@/lib/quiz';
import { useAppAndBrowser, visit, reload } from './server';
import { buildQuestion, EMPTY_REVISION, gradeQuestion, ingestAttempts } from '@/lib/revision';

const running = useAppAndBrowser();
const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const DESKTOP: BrowserContextOptions = { viewport: { width: 1366, height: 900 } };

async function withPage<T>(options: BrowserContextOptions, run: (page: Page) => Promise<T>, browser: Browser = running().browser): Promise<T> {
  const context = await browser.newContext(options);
  try {
    return await run(await context.newPage());
  } finally {
    await context.close();
  }
}

const open = async (page: Page, url: string) => {
  await visit(page, running().app.baseUrl + url, { waitUntil: 'networkidle' });
};

/** Steps every widget on the page to its last step, so every arrow and label is drawn in full. */
async function stepAllToEnd(page: Page) {
  for (const button of await page.getByRole('button', { name: en.trace.last }).all()) await button.click();
}

interface LabelProblem {
  diagram: number;
  problem: string;
}

/**
 * Every sequence diagram's segment labels, measured as drawn: pills that overlap, text outside
 * its pill, a pill past a lifeline, and a point of a label's text where something else (a line)
 * is on top.
 */
function labelProblems(page: Page): Promise<LabelProblem[]> {
  return page.evaluate(() => {
    const problems: { diagram: number; problem: string }[] = [];
    const overlap = (a: DOMRect, b: DOMRect) =>
      Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left)) * Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));
    document.querySelectorAll('[data-testid=sequence-svg]').forEach((svg, diagram) => {
      const labels = [...svg.querySelectorAll('[data-testid=segment-label]')];
      const left = svg.querySelector('[data-testid=lifeline-A]')!.getBoundingClientRect().left;
      const right = svg.querySelector('[data-testid=lifeline-B]')!.getBoundingClientRect().right;
      const pills = labels.map((label) => label.querySelector('rect')!.getBoundingClientRect());
      // Drawn at the size it says, and no text under 11 px on the screen.
      const scale = svg.getBoundingClientRect().width / (svg as SVGSVGElement).viewBox.baseVal.width;
      for (const text of svg.querySelectorAll('text')) {
        const size = parseFloat(getComputedStyle(text).fontSize) * scale;
        if (size < 10.9) problems.push({ diagram, problem: `"${text.textContent}" is ${size.toFixed(1)} px` });
      }
      pills.forEach((a, i) =>
        pills.slice(i + 1).forEach((b, j) => {
          if (overlap(a, b) > 1) problems.push({ diagram, problem: `labels ${i} and ${i + 1 + j} overlap` });
        }),
      );
      labels.forEach((label, i) => {
        const pill = pills[i]!;
        if (pill.left < left || pill.right > right) problems.push({ diagram, problem: `label ${i} spills past a lifeline` });
        label.scrollIntoView({ block: 'center' });
        for (const text of label.querySelectorAll('text')) {
          const box = text.getBoundingClientRect();
          const pillNow = label.querySelector('rect')!.getBoundingClientRect();
          if (box.left < pillNow.left - 0.5 || box.right > pillNow.right + 0.5) {
            problems.push({ diagram, problem: `label ${i} text "${text.textContent}" is wider than its pill` });
          }
          // Points along the text's middle line: the topmost element must be the label itself.
          for (const f of [0.1, 0.3, 0.5, 0.7, 0.9]) {
            const hit = document.elementFromPoint(box.left + box.width * f, box.top + box.height / 2);
            if (hit && hit.closest('[data-testid=segment-label]') !== label && hit.closest('[data-testid^=extra-arrow]') === null) {
              problems.push({ diagram, problem: `label ${i} "${text.textContent}" is covered by <${hit.tagName}>` });
              break;
            }
          }
        }
      });
    });
    return problems;
  });
}

describe('on a 390 px phone', () => {
  for (const url of ['/en', '/zh', '/en/learn/three-way-handshake', '/zh/learn/edge-cases', '/en/practice', '/zh/sandbox', '/en/glossary', '/en/progress']) {
    it(`${url} is no wider than the screen`, async () => {
      await withPage(PHONE, async (page) => {
        await open(page, url);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      });
    });
  }
});

describe('sequence diagram labels', () => {
  for (const [options, name] of [
    [PHONE, 'phone'],
    [DESKTOP, 'desktop'],
  ] as const) {
    it(`edge cases (simultaneous open and close, losses), en and zh, on a ${name}: no overprint, no spill, no line through text`, async () => {
      await withPage(options, async (page) => {
        for (const url of ['/en/learn/edge-cases', '/zh/learn/edge-cases']) {
          await open(page, url);
          await stepAllToEnd(page);
          expect(await page.locator('[data-testid=segment-label]').count()).toBeGreaterThan(20);
          expect(await labelProblems(page), url).toEqual([]);
        }
      });
    });
  }

  it('10-digit seq and ack (the sandbox near the wrap) stay inside the lifelines on a phone', async () => {
    await withPage(PHONE, async (page) => {
      await open(page, '/en/sandbox');
      const a = page.getByTestId('endpoint-A');
      await a.getByRole('button', { name: 'SYN', exact: true }).click();
      await a.getByLabel('seq').fill('4294967290');
      await a.getByLabel('ack').fill('0');
      await a.getByRole('button', { name: /^Send segment/ }).click();
      await expect.poll(() => page.locator('[data-testid=segment-label]').count()).toBe(2);
      const texts = (await page.locator('[data-testid=segment-label] text').allTextContents()).join(' ');
      expect(texts).toContain('seq=4294967290');
      // The engine's SYN,ACK acknowledges it: 10-digit numbers on both lines of its label.
      expect(texts).toMatch(/seq=\d{10}/);
      expect(texts).toContain('ack=4294967291');
      expect(await labelProblems(page)).toEqual([]);
    });
  });
});

/**
 * Every sequence diagram's text as drawn: a drawing wider than its box (it would scroll inside a
 * card, B's states cut off), or a text outside the drawing, its box or the screen.
 */
function clippedDiagramText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    document.querySelectorAll('[data-testid=sequence-svg]').forEach((svg, diagram) => {
      const box = svg.parentElement!;
      const drawing = svg.getBoundingClientRect();
      const room = box.getBoundingClientRect();
      if (box.scrollWidth > box.clientWidth + 1) found.push(`diagram ${diagram} is ${Math.round(drawing.width)} px in a ${box.clientWidth} px box`);
      for (const text of svg.querySelectorAll('text')) {
        const t = text.getBoundingClientRect();
        if (t.width === 0) continue;
        const left = Math.max(drawing.left, room.left, 0);
        const right = Math.min(drawing.right, room.right, document.documentElement.clientWidth);
        if (t.left < left - 0.5 || t.right > right + 0.5) found.push(`diagram ${diagram}: "${text.textContent}" is cut off`);
      }
    });
    return found;
  });
}

describe('diagrams in cards on a 390 px phone', () => {
  const check = async (page: Page, where: string) => {
    expect(await page.locator('[data-testid=sequence-svg]').count(), where).toBeGreaterThan(0);
    expect(await clippedDiagramText(page), where).toEqual([]);
    expect(await labelProblems(page), where).toEqual([]);
  };

  it('a lesson question and a practice question, en and zh', async () => {
    await withPage(PHONE, async (page) => {
      for (const [lang, ui] of [['en', en], ['zh', zh]] as const) {
        await open(page, `/${lang}/learn/edge-cases`);
        await page.getByRole('button', { name: ui.lesson.quizStart }).first().click();
        await page.getByTestId('sequence-svg').first().waitFor();
        await stepAllToEnd(page);
        await check(page, `${lang} lesson`);
        await open(page, `/${lang}/practice`);
        await page.getByRole('button', { name: ui.practice.start }).click();
        await page.getByTestId('sequence-svg').first().waitFor();
        await check(page, `${lang} practice`);
      }
    });
  });

  it('a capture\'s connection on the explore page', async () => {
    await withPage({ ...PHONE, serviceWorkers: 'block' }, async (page) => {
      await open(page, '/zh/explore');
      await page.getByRole('button', { name: zh.explore.samples['lost-segments'] }).click();
      await page.getByRole('button', { name: `${zh.explore.open} 2` }).click();
      await page.getByTestId('connection-view').getByRole('button', { name: zh.trace.last }).click();
      await check(page, 'explore');
    });
  });

  it('a mistake in the mistake book (a card inside a card), en and zh', async () => {
    const item = 'ack.handshake.42.b';
    const graded = gradeQuestion(buildQuestion(item)!, 1, 'en');
    const state = ingestAttempts(EMPTY_REVISION, [
      { at: Date.now() - 3_600_000, item, kind: 'ack', skill: graded.skill, correct: false, misconception: graded.misconception, response: 1 },
    ]);
    await withPage(PHONE, async (page) => {
      await page.addInitScript((raw) => localStorage.getItem('synack:revision') ?? localStorage.setItem('synack:revision', raw), JSON.stringify(state));
      for (const lang of ['en', 'zh']) {
        await open(page, `/${lang}/revise/mistakes`);
        await page.getByTestId('mistake').first().locator('summary').click();
        await check(page, `${lang} mistake book`);
      }
    });
  });
});

describe('tables', () => {
  // A word is what may not be broken: Latin between spaces, Chinese between spaces and punctuation.
  it('"The whole exchange" keeps every word whole on a phone and scrolls instead (en and zh)', async () => {
    await withPage(PHONE, async (page) => {
      for (const url of ['/en/learn/three-way-handshake', '/zh/learn/three-way-handshake', '/en/learn/four-way-teardown']) {
        await open(page, url);
        const broken = await page.evaluate(() => {
          const found: string[] = [];
          for (const table of document.querySelectorAll('.prose-lesson table')) {
            const walker = document.createTreeWalker(table, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              for (const match of (node.textContent ?? '').matchAll(/[^\s，、。：；（）“”！？]+/g)) {
                const range = document.createRange();
                range.setStart(node, match.index);
                range.setEnd(node, match.index + match[0].length);
                const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
                if (lines.size > 1) found.push(match[0]);
              }
            }
          }
          return found;
        });
        expect(broken, url).toEqual([]);
      }
    });
  });

  it('the segment table shows every column on a desktop, en and zh', async () => {
    await withPage(DESKTOP, async (page) => {
      for (const url of ['/en/learn/three-way-handshake', '/zh/learn/three-way-handshake', '/en/learn/edge-cases', '/zh/learn/four-way-teardown']) {
        await open(page, url);
        const cut = await page.evaluate(() =>
          [...document.querySelectorAll('[data-testid=segment-table]')].filter((box) => box.scrollWidth > box.clientWidth + 1).length,
        );
        expect(cut, url).toBe(0);
      }
    });
  });

  it('on a phone the segment table scrolls sideways with a sign on the side that hides columns', async () => {
    await withPage(PHONE, async (page) => {
      await open(page, '/zh/learn/three-way-handshake');
      const table = page.getByTestId('segment-table').first();
      await table.scrollIntoViewIfNeeded();
      expect(await table.evaluate((box) => box.scrollWidth > box.clientWidth)).toBe(true);
      const area = table.locator('..');
      await expect.poll(() => area.getByTestId('scroll-more-end').isVisible()).toBe(true);
      expect(await area.getByTestId('scroll-more-start').count()).toBe(0);
      await table.evaluate((box) => box.scrollTo({ left: box.scrollWidth }));
      await expect.poll(() => area.getByTestId('scroll-more-start').isVisible()).toBe(true);
      expect(await area.getByTestId('scroll-more-end').count()).toBe(0);
      // The last column, B's state, is then on screen.
      const lastHeader = await table.locator('th').nth(7).boundingBox();
      expect((lastHeader?.x ?? 999) + (lastHeader?.width ?? 0)).toBeLessThanOrEqual(390);
    });
  });

  it('Progress "Recent answers" scrolls to its last column with a sign on a phone', async () => {
    await withPage(PHONE, async (page) => {
      await open(page, '/en/progress');
      const attempt: Attempt = { at: Date.UTC(2026, 11, 1, 9, 30), item: 'ack.handshake.42.b', kind: 'ack', skill: 'ack_of_syn', correct: false, misconception: 'syn_fin_consume_one' };
      await page.evaluate(([key, value]) => localStorage.setItem(key, value), [QUIZ_PROGRESS_KEY, JSON.stringify({ version: 1, attempts: [attempt] })] as const);
      await reload(page, { waitUntil: 'networkidle' });
      const history = page.getByTestId('history-scroll');
      if ((await history.count()) === 0) throw new Error(`no history table: ${await page.getByTestId('progress-view').textContent()}`);
      const overflows = await history.evaluate((box) => box.scrollWidth > box.clientWidth);
      if (overflows) {
        await expect.poll(() => history.locator('..').getByTestId('scroll-more-end').isVisible()).toBe(true);
        await history.evaluate((box) => box.scrollTo({ left: box.scrollWidth }));
      }
      const last = await history.locator('th').last().boundingBox();
      expect((last?.x ?? 999) + (last?.width ?? 0)).toBeLessThanOrEqual(390);
    });
  });
});

describe('state diagram and the widget frame on a phone', () => {
  it('the state diagram scrolls inside its box, with a sign it does, and keeps the current states in view', async () => {
    await withPage(PHONE, async (page) => {
      await open(page, '/en/learn/state-machine');
      const scroller = page.getByTestId('state-diagram-scroll').first();
      await scroller.scrollIntoViewIfNeeded();
      const { inner, outer } = await scroller.evaluate((box) => ({ inner: box.scrollWidth, outer: box.clientWidth }));
      expect(outer).toBeLessThanOrEqual(340);
      expect(inner).toBeGreaterThan(outer);
      const area = scroller.locator('..');
      await expect.poll(async () => (await area.getByTestId('scroll-more-end').count()) + (await area.getByTestId('scroll-more-start').count())).toBeGreaterThan(0);
      // Both current states' boxes are within the visible part.
      const visible = await scroller.evaluate((box) => {
        const view = box.getBoundingClientRect();
        return [...box.querySelectorAll('[data-current]')].every((g) => {
          const r = g.getBoundingClientRect();
          return r.left >= view.left - 12 && r.right <= view.right + 12;
        });
      });
      expect(visible).toBe(true);
    });
  });

  // Before hydration a widget has its caption and first narration, and only the room of its
  // controls, legend and drawings: the words of either language must not change that room.
  for (const [options, name, locale] of [
    [PHONE, 'phone', 'en'],
    [DESKTOP, 'desktop', 'en'],
    [PHONE, 'phone', 'zh'],
    [DESKTOP, 'desktop', 'zh'],
  ] as const) {
    it(`every widget keeps the same height before and after its controls and drawings appear (${name}, ${locale})`, async () => {
      const heights = async (javaScriptEnabled: boolean) =>
        withPage({ ...options, javaScriptEnabled }, async (page) => {
          await open(page, `/${locale}/learn/edge-cases`);
          // Measured once every widget is hydrated: each has its controls (its drawings come in the same render).
          if (javaScriptEnabled)
            await expect
              .poll(() => page.evaluate(() => [...document.querySelectorAll('figure')].every((f) => f.querySelector('[role="toolbar"]'))))
              .toBe(true);
          return page.evaluate(() => [...document.querySelectorAll('figure')].map((f) => Math.round(f.getBoundingClientRect().height)));
        });
      const before = await heights(false);
      const after = await heights(true);
      expect(before.length).toBeGreaterThan(3);
      expect(after.length).toBe(before.length);
      after.forEach((height, i) => expect(Math.abs(height - (before[i] ?? 0)), `figure ${i}: ${before[i]} -> ${height}`).toBeLessThanOrEqual(2));
    });
  }

  it('the sticky step controls take one row (at most 64 of 844 px) while the widget is read', async () => {
    await withPage(PHONE, async (page) => {
      await open(page, '/en/learn/three-way-handshake');
      const toolbar = page.getByTestId('trace-toolbar').first();
      const figure = page.locator('figure').first();
      // Scroll into the middle of the widget: the sticky part is what stays over it.
      await figure.evaluate((f) => window.scrollTo(0, f.getBoundingClientRect().top + window.scrollY + f.getBoundingClientRect().height / 2));
      const box = await toolbar.boundingBox();
      expect(box?.y ?? -1).toBeGreaterThanOrEqual(-1);
      expect(box?.y ?? 999).toBeLessThanOrEqual(1);
      expect(box?.height ?? 999).toBeLessThanOrEqual(64);
    });
  });
});

describe('lesson widgets', () => {
  it('count only what happens on the wire and describe it in words (en and zh)', async () => {
    await withPage(DESKTOP, async (page) => {
      for (const [url, words] of [
        ['/en/learn/three-way-handshake', /expect A|delivers segment|send syn|Checkpoint/],
        ['/zh/learn/three-way-handshake', /期望 A|报文段 syn|检查点/],
      ] as const) {
        await open(page, url);
        // The worked example: three segments, each leaving and arriving (and four checkpoints, not steps).
        const figure = page.locator('figure[aria-labelledby="trace-three-way-handshake-client-isn-caption"]');
        expect(await figure.getByTestId('step-counter').textContent()).toMatch(/^(Step 0 of 6|第 0 步，共 6 步)$/);
        const table = (await figure.getByTestId('segment-table').textContent()) ?? '';
        expect(table).not.toMatch(words);
        expect(table).toMatch(/A sends|A 发送/);
        expect(table).toMatch(/arrives at B|到达 B/);
        await figure.getByRole('button', { name: url.startsWith('/en') ? en.trace.last : '最后一步' }).click();
        expect(await figure.getByTestId('narration').textContent()).not.toMatch(/Checkpoint|检查点/);
      }
    });
  });
});

describe('glossary ids', () => {
  it('entries are glossary-<id>, no id is given twice, and a lesson link lands on its entry', async () => {
    await withPage(DESKTOP, async (page) => {
      await open(page, '/en/glossary');
      const ids = await page.evaluate(() => [...document.querySelectorAll('[id]')].map((e) => e.id));
      expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
      expect(ids).toContain('glossary-ISN');
      expect(ids).not.toContain('ISN');
      await open(page, '/en/learn/three-way-handshake');
      const link = page.locator('.prose-lesson a[href^="/en/glossary#"]').first();
      const href = (await link.getAttribute('href')) ?? '';
      expect(href).toMatch(/^\/en\/glossary#glossary-/);
      await link.click();
      await page.waitForURL(/\/en\/glossary#glossary-/);
      const target = decodeURIComponent(href.split('#')[1] ?? '');
      expect(await page.locator(`[id="${target}"]`).count()).toBe(1);
    });
  });
});

describe('site header', () => {
  it('is one row at 1366 px in en and zh; the theme button is an icon with a full name', async () => {
    await withPage(DESKTOP, async (page) => {
      for (const [url, name] of [
        ['/en', /^Color theme: /],
        ['/zh/learn/edge-cases', /^配色主题：/],
      ] as const) {
        await open(page, url);
        const header = await page.locator('header').first().boundingBox();
        expect(header?.height ?? 999, url).toBeLessThanOrEqual(64);
        const toggle = page.getByTestId('theme-toggle');
        expect(await toggle.evaluate((b) => b.textContent?.replace(/[☾☀◐]/g, '') ?? '')).toMatch(name);
        expect((await toggle.boundingBox())?.width ?? 999).toBeLessThanOrEqual(40);
      }
    });
  });
});

describe('site header, signed in', () => {
  it('is one row at 1366 px in en and zh with a long account name, and at 1280 px', async () => {
    for (const width of [1366, 1280]) {
      await withPage({ viewport: { width, height: 900 } }, async (page) => {
        const base = running().app.baseUrl;
        const signUp = await page.context().request.post(`${base}/api/auth/sign-up/email`, {
          data: { name: 'Alexandra Example-Longname', email: `header-${width}-${Date.now()}@example.com`, password: 'correct horse battery staple' },
          headers: { origin: base },
        });
        expect(signUp.status()).toBe(200);
        for (const url of ['/en', '/zh/learn/edge-cases']) {
          await open(page, url);
          await page.getByTestId('account-menu').waitFor();
          expect(await page.getByTestId('account-menu').textContent(), url).toContain('Alexandra');
          const header = await page.locator('header').first().boundingBox();
          expect(header?.height ?? 999, `${url} at ${width}`).toBeLessThanOrEqual(64);
          // Every link and button of the header on screen, none of them wrapped onto a second line.
          const tall = await page.evaluate(() =>
            [...document.querySelectorAll('header a, header button')]
              .filter((e) => (e as HTMLElement).offsetParent !== null && e.getBoundingClientRect().height > 44)
              .map((e) => e.textContent),
          );
          expect(tall, `${url} at ${width}`).toEqual([]);
          expect(await page.evaluate(() => document.documentElement.scrollWidth), url).toBeLessThanOrEqual(width);
        }
      });
    }
  });
});

describe('phone menu', () => {
  for (const [url, messages] of [
    ['/en/learn/edge-cases', en],
    ['/zh/practice', zh],
  ] as const) {
    it(`${url}: one row behind a Menu disclosure (aria-expanded, Escape closes and returns focus)`, async () => {
      await withPage(PHONE, async (page) => {
        await open(page, url);
        const header = page.locator('header').first();
        expect((await header.boundingBox())?.height ?? 999).toBeLessThanOrEqual(64);
        const button = page.getByRole('button', { name: messages.site.menu });
        const nav = page.getByRole('navigation', { name: messages.site.mainNav });
        expect(await button.getAttribute('aria-expanded')).toBe('false');
        expect(await nav.isVisible()).toBe(false);

        // Keyboard: the button is reached and opened with Enter; Tab goes on into the links.
        await button.focus();
        await page.keyboard.press('Enter');
        expect(await button.getAttribute('aria-expanded')).toBe('true');
        expect(await nav.isVisible()).toBe(true);
        expect(await page.getByRole('link', { name: messages.site.glossary }).isVisible()).toBe(true);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
        await page.keyboard.press('Tab');
        expect(await page.evaluate(() => document.activeElement?.closest('#site-menu') !== null)).toBe(true);
        await page.keyboard.press('Escape');
        expect(await button.getAttribute('aria-expanded')).toBe('false');
        expect(await nav.isVisible()).toBe(false);
        expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('menu-button');

        // A click outside closes it; following a link closes it on the new page.
        await button.click();
        await page.locator('main').click({ position: { x: 5, y: 5 } });
        expect(await button.getAttribute('aria-expanded')).toBe('false');
        await button.click();
        await page.getByRole('link', { name: messages.site.glossary }).click();
        await page.waitForURL(/\/glossary$/);
        expect(await button.getAttribute('aria-expanded')).toBe('false');
      });
    });
  }

  it('is not shown on a desktop, where the links are in the header row', async () => {
    await withPage(DESKTOP, async (page) => {
      await open(page, '/zh');
      expect(await page.getByTestId('menu-button').isVisible()).toBe(false);
      expect(await page.getByRole('navigation', { name: zh.site.mainNav }).isVisible()).toBe(true);
    });
  });
});

describe('keyboard', () => {
  it('focus stays on the widget at its last step, so Home still works', async () => {
    await withPage({ viewport: { width: 1280, height: 900 } }, async (page) => {
      await open(page, '/en/learn/three-way-handshake');
      const last = page.getByRole('button', { name: en.trace.last }).first();
      await last.focus();
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(en.trace.last);
      await page.keyboard.press('Home');
      await expect.poll(() => page.getByTestId('step-counter').first().textContent()).toMatch(/^Step 0 of/);
    });
  });
});
