// The explore page in real Chromium: a capture read in the Web Worker (a sample, a real file,
// a damaged one, a file that is not a capture), its connections listed, one stepped through and
// quizzed; axe-clean, no console errors, and usable on a 390 px phone screen.
import AxeBuilder from '@axe-core/playwright';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import en from '@/content/ui/en.json';
import zh from '@/content/ui/zh.json';
import { useAppAndBrowser, visit, untilServiceWorkerActive } from './server';

const running = useAppAndBrowser();
const fixtures = join(import.meta.dirname, '..', 'fixtures', 'captures');
const shots = process.env.SYNACK_SCREENSHOTS ?? mkdtempSync(join(tmpdir(), 'synack-explore-'));

async function withPage<T>(width: number, run: (page: Page, errors: string[]) => Promise<T>): Promise<T> {
  const context = await running().browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    return await run(page, errors);
  } finally {
    await context.close();
  }
}

const open = (page: Page, locale = 'en') => visit(page, `${running().app.baseUrl}/${locale}/explore`, { waitUntil: 'networkidle' });
const rows = (page: Page) => page.locator('[data-testid=connection-list] tbody tr');

describe('explore a capture', () => {
  it('a sample capture: connections listed, one stepped through with notes, then quizzed; axe-clean', async () => {
    await withPage(1280, async (page, errors) => {
      await open(page);
      await page.getByRole('button', { name: en.explore.samples['lost-segments'] }).click();
      await expect.poll(() => rows(page).count(), { timeout: 20_000 }).toBe(3);
      expect(await page.getByTestId('capture-summary').textContent()).toContain('21 packets');
      await page.getByRole('button', { name: `${en.explore.open} 2` }).click();
      const view = page.getByTestId('connection-view');
      await view.waitFor();
      expect(await view.textContent()).toContain(en.explore.conforms);
      // Step to the end: the narration names the retransmitted FIN.
      await view.getByRole('button', { name: en.trace.last }).click();
      await page.getByTestId('capture-quiz').getByRole('button', { name: en.explore.quizOwn }).click();
      await page.getByTestId('capture-quiz').getByText(/^Question 1 of \d$/).waitFor();
      await page.screenshot({ path: join(shots, 'explore-desktop.png'), fullPage: true });
      const axe = await new AxeBuilder({ page }).analyze();
      expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
      expect(errors).toEqual([]);
    });
  }, 120_000);

  it('a returning visitor, whose page the service worker controls, still gets the capture reader', async () => {
    await withPage(1280, async (page, errors) => {
      await open(page);
      await untilServiceWorkerActive(page);
      await open(page);
      expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
      await page.getByRole('button', { name: en.explore.samples['lost-segments'] }).click();
      await expect.poll(() => rows(page).count(), { timeout: 20_000 }).toBe(3);
      expect(errors).toEqual([]);
    });
  }, 120_000);

  it('a real pcap file from disk: every connection listed, endpoints as the capture has them', async () => {
    await withPage(1280, async (page) => {
      await open(page);
      await page.getByTestId('capture-file').setInputFiles(join(fixtures, 'zeek_ftp_ipv6.pcap'));
      await expect.poll(() => rows(page).count(), { timeout: 20_000 }).toBe(6);
      expect(await rows(page).first().textContent()).toContain('[2001:470:1f11:81f:c999:d94:aa7c:2e3e]:49185');
    });
  }, 120_000);

  it('a damaged capture keeps what was read and names the damage; a non-capture is refused clearly', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'synack-explore-files-'));
    const bytes = readFileSync(join(fixtures, 'tcpdump_dns_tcp.pcap'));
    writeFileSync(join(dir, 'cut.pcap'), bytes.subarray(0, bytes.length - 10));
    writeFileSync(join(dir, 'notes.pcap'), 'these are my notes, not a capture');
    await withPage(1280, async (page, errors) => {
      await open(page);
      await page.getByTestId('capture-file').setInputFiles(join(dir, 'cut.pcap'));
      await page.getByTestId('capture-damage').waitFor({ timeout: 20_000 });
      expect(await page.getByTestId('capture-damage').textContent()).toMatch(/Packet 11 \(byte \d+\)/);
      expect(await rows(page).count()).toBe(1);
      await page.getByTestId('capture-file').setInputFiles(join(dir, 'notes.pcap'));
      await page.getByTestId('capture-error').waitFor({ timeout: 20_000 });
      expect(await page.getByTestId('capture-error').textContent()).toMatch(/cannot be read: not a pcap or pcapng capture/);
      expect(errors).toEqual([]);
    });
  }, 120_000);

  it('on a 390 px phone, in Chinese: no sideways scrolling of the page, everything in Chinese', async () => {
    await withPage(390, async (page, errors) => {
      await open(page, 'zh');
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(zh.explore.title);
      await page.getByRole('button', { name: zh.explore.samples['handshake-and-close'] }).click();
      await expect.poll(() => rows(page).count(), { timeout: 20_000 }).toBe(3);
      await page.getByRole('button', { name: `${zh.explore.open} 1` }).click();
      await page.getByTestId('connection-view').waitFor();
      expect(await page.getByTestId('connection-view').textContent()).toContain(zh.explore.conforms);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({ path: join(shots, 'explore-phone.png'), fullPage: true });
      expect(errors).toEqual([]);
    });
  }, 120_000);
});
