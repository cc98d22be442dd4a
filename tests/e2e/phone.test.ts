// A phone (390 x 844) and the keyboard: no page is wider than the screen, and a trace widget
// keeps keyboard focus at its last step.
import { describe, expect, it } from 'vitest';
import en from '@/content/ui/en.json';
import { useAppAndBrowser } from './server';

const running = useAppAndBrowser();

describe('on a 390 px phone', () => {
  for (const url of ['/en', '/zh', '/en/learn/three-way-handshake', '/zh/learn/edge-cases', '/en/practice', '/zh/sandbox', '/en/glossary']) {
    it(`${url} is no wider than the screen`, async () => {
      const context = await running().browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
      try {
        const page = await context.newPage();
        await page.goto(running().app.baseUrl + url, { waitUntil: 'networkidle' });
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width).toBeLessThanOrEqual(390);
      } finally {
        await context.close();
      }
    });
  }
});

describe('keyboard', () => {
  it('focus stays on the widget at its last step, so Home still works', async () => {
    const context = await running().browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      await page.goto(`${running().app.baseUrl}/en/learn/three-way-handshake`, { waitUntil: 'networkidle' });
      const last = page.getByRole('button', { name: en.trace.last }).first();
      await last.focus();
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(en.trace.last);
      await page.keyboard.press('Home');
      await expect.poll(() => page.getByTestId('step-counter').first().textContent()).toMatch(/^Step 0 of/);
    } finally {
      await context.close();
    }
  });
});
