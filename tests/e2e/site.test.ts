// The built site in real Chromium: every page axe-clean and free of console errors, the trace
// widget driven from the keyboard, language switching, locale negotiation and 404s.
import AxeBuilder from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { routing } from '@/app/_lib/i18n/routing';
import { listLessonSlugs } from '@/lib/content';
import en from '@/content/ui/en.json';
import zh from '@/content/ui/zh.json';
import { useAppAndBrowser, visit } from './server';

const running = useAppAndBrowser();

async function withPage<T>(
  options: { colorScheme?: 'light' | 'dark'; locale?: string; width?: number },
  run: (page: Page, context: BrowserContext) => Promise<T>,
): Promise<T> {
  const context = await running().browser.newContext({
    colorScheme: options.colorScheme ?? 'light',
    viewport: { width: options.width ?? 1280, height: 900 },
    extraHTTPHeaders: options.locale ? { 'Accept-Language': options.locale } : {},
  });
  try {
    return await run(await context.newPage(), context);
  } finally {
    await context.close();
  }
}

/** Opens a page and returns its status, console errors and axe violations. */
async function audit(page: Page, url: string) {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  const response = await visit(page, running().app.baseUrl + url, { waitUntil: 'networkidle' });
  const results = await new AxeBuilder({ page }).analyze();
  const violations = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`,
  );
  return { status: response?.status(), errors, violations };
}

const lessonUrls = routing.locales.flatMap((locale) =>
  listLessonSlugs(locale).map((slug) => `/${locale}/learn/${slug}`),
);

// A lesson page draws its diagrams after hydration and axe then walks every SVG node: on a busy
// 2-core machine that alone has taken over 30 s, so these audits get a longer budget.
const AXE_TIMEOUT = 120_000;

describe('every page is axe-clean without console errors', () => {
  it('has lessons to check', () => {
    expect(lessonUrls.length).toBeGreaterThan(0);
  });

  for (const url of ['/en', '/zh', '/en/glossary', '/zh/glossary', ...lessonUrls]) {
    it(`${url} (light)`, async () => {
      const result = await withPage({}, (page) => audit(page, url));
      expect(result.status).toBe(200);
      expect(result.errors).toEqual([]);
      expect(result.violations).toEqual([]);
    }, AXE_TIMEOUT);
  }

  for (const url of ['/en', '/zh/glossary', lessonUrls[0] ?? '/en', '/en/learn/no-such-lesson']) {
    it(`${url} (dark)`, async () => {
      const result = await withPage({ colorScheme: 'dark' }, async (page) => {
        const audited = await audit(page, url);
        expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
        return audited;
      });
      expect(result.violations).toEqual([]);
    }, AXE_TIMEOUT);
  }

  it('the 404 page too', async () => {
    const result = await withPage({}, (page) => audit(page, '/zh/learn/no-such-lesson'));
    expect(result.status).toBe(404);
    expect(result.violations).toEqual([]);
  });
});

describe('content security policy', () => {
  it('no page does what the policy forbids (an eval probe, an inline script without the nonce)', async () => {
    await withPage({}, async (page) => {
      await page.addInitScript(() => {
        const seen: string[] = ((window as unknown as { cspViolations: string[] }).cspViolations = []);
        document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
      });
      for (const url of ['/en', '/en/practice', '/zh/practice?q=ack.handshake.42.b', '/en/revise', '/en/revise/exam', '/en/sandbox', '/en/explore', '/en/sign-up', lessonUrls[0] ?? '/en']) {
        await visit(page, running().app.baseUrl + url, { waitUntil: 'networkidle' });
        expect({ url, violations: await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations) }).toEqual({ url, violations: [] });
      }
    });
  }, AXE_TIMEOUT);
});

describe('trace widget', () => {
  it('steps with the arrow keys: narration and highlighted row follow', async () => {
    await withPage({}, async (page) => {
      await visit(page, `${running().app.baseUrl}/en/learn/three-way-handshake`);
      const figure = page.locator('figure').first();
      const narration = figure.getByTestId('narration');
      const currentRow = figure.locator('tbody tr[aria-current="step"] th');
      await expect.poll(() => currentRow.textContent()).toMatch(/^0/);
      const before = await narration.textContent();

      await figure.locator('[role="group"]').first().focus();
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => currentRow.textContent()).toMatch(/^1/);
      const after = await narration.textContent();
      expect(after).not.toBe(before);
      expect(await narration.getAttribute('aria-live')).toBe('polite');

      await page.keyboard.press('ArrowRight');
      await expect.poll(() => currentRow.textContent()).toMatch(/^2/);
      await page.keyboard.press('ArrowLeft');
      await expect.poll(() => currentRow.textContent()).toMatch(/^1/);
      expect(await narration.textContent()).toBe(after);

      // The state diagram highlights the states of the same step.
      const legend = await figure.getByTestId('state-legend').textContent();
      const highlighted = await figure.locator('g[data-current]').evaluateAll((nodes) =>
        nodes.map((node) => node.getAttribute('data-state')),
      );
      for (const state of highlighted) expect(legend).toContain(state);
      expect(highlighted.length).toBeGreaterThan(0);
    });
  });

  it('steps with the buttons', async () => {
    await withPage({}, async (page) => {
      await visit(page, `${running().app.baseUrl}/zh/learn/three-way-handshake`);
      const figure = page.locator('figure').first();
      await figure.getByRole('button', { name: zh.trace.last }).click();
      const total = await figure.locator('tbody tr').count();
      await expect.poll(() => figure.locator('tbody tr[aria-current="step"] th').textContent()).toMatch(
        new RegExp(`^${total - 1}`),
      );
      await figure.getByRole('button', { name: zh.trace.first }).click();
      await expect.poll(() => figure.locator('tbody tr[aria-current="step"] th').textContent()).toMatch(/^0/);
    });
  });
});

describe('languages and routing', () => {
  it('switches language, keeping the page', async () => {
    await withPage({}, async (page) => {
      await visit(page, `${running().app.baseUrl}/en/learn/three-way-handshake`);
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      await page.getByRole('navigation', { name: en.language.label }).getByRole('link', { name: '中文' }).click();
      await page.waitForURL('**/zh/learn/three-way-handshake');
      await expect.poll(() => page.getAttribute('html', 'lang')).toBe('zh');
      await page.getByRole('navigation', { name: zh.language.label }).getByRole('link', { name: 'English' }).click();
      await page.waitForURL('**/en/learn/three-way-handshake');
      await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en');
    });
  });

  for (const [header, locale] of [
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh'],
    ['en-US,en;q=0.9', 'en'],
    ['fr-FR,fr;q=0.9', 'en'],
  ] as const) {
    it(`/ redirects Accept-Language "${header}" to /${locale}`, async () => {
      await withPage({ locale: header }, async (page) => {
        const response = await visit(page, `${running().app.baseUrl}/`);
        expect(new URL(page.url()).pathname).toBe(`/${locale}`);
        expect(response?.status()).toBe(200);
        expect(await page.getAttribute('html', 'lang')).toBe(locale);
      });
    });
  }

  for (const url of ['/en/learn/no-such-lesson', '/zh/learn/no-such-lesson', '/fr/learn/three-way-handshake', '/en/nothing/here']) {
    it(`${url} is a 404`, async () => {
      await withPage({}, async (page) => {
        const response = await visit(page, running().app.baseUrl + url);
        expect(response?.status()).toBe(404);
        const messages = url.startsWith('/zh') ? zh : en;
        expect(await page.locator('h1').textContent()).toBe(messages.notFound.title);
      });
    });
  }
});

describe('progress', () => {
  it('marks a lesson complete and shows it on the learning path', async () => {
    await withPage({}, async (page) => {
      await visit(page, `${running().app.baseUrl}/en/learn/three-way-handshake`);
      await page.getByRole('button', { name: en.lesson.markComplete }).click();
      await page.getByRole('button', { name: en.lesson.markIncomplete }).waitFor();
      await visit(page, `${running().app.baseUrl}/en`);
      await expect.poll(() => page.getByText(/1 of \d+ lessons complete/).count()).toBe(1);
    });
  });
});
