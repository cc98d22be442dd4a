// Lighthouse (the version pinned in devDependencies) on a page of the production build, in a
// headless Chromium bound to 127.0.0.1 that is stopped at the end, also on error.
import { launch, type LaunchedChrome } from 'chrome-launcher';
import lighthouse, { desktopConfig, type Flags, type Result } from 'lighthouse';
import { CHROMIUM_ARGS } from '../e2e/server';

export interface LighthouseRun {
  preset: 'mobile' | 'desktop';
  performance: number;
  accessibility: number;
  /** Audits of a category that did not get a full score, worst first. */
  failing: Record<'performance' | 'accessibility', Array<{ id: string; title: string; score: number; value?: string }>>;
  metrics: Record<string, string>;
  /** Script resources the page loaded, with their transfer sizes, largest first. */
  scripts: Array<{ url: string; transferSize: number }>;
  /** Audits that could not run (Lighthouse against a newer Chromium than it knows), id: message. */
  errored: Record<string, string>;
  lighthouseVersion: string;
  userAgent: string;
}

export const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export async function startChrome(): Promise<LaunchedChrome> {
  return launch({
    chromePath,
    handleSIGINT: false, // run.ts stops it
    logLevel: 'silent',
    chromeFlags: [...CHROMIUM_ARGS, '--remote-debugging-address=127.0.0.1'],
  });
}

/**
 * The audits of a category that cost points: for accessibility every audit not passed; for
 * performance the weighted metrics below a full score and the unweighted opportunities and
 * diagnostics Lighthouse itself would flag (score < 0.9).
 */
function failingAudits(lhr: Result, category: 'performance' | 'accessibility') {
  const refs = lhr.categories[category]?.auditRefs ?? [];
  const out: LighthouseRun['failing']['performance'] = [];
  for (const ref of refs) {
    const audit = lhr.audits[ref.id];
    if (!audit || audit.score === null || !['binary', 'numeric', 'metricSavings'].includes(audit.scoreDisplayMode)) continue;
    const bar = category === 'performance' && ref.weight === 0 ? 0.9 : 1;
    if (audit.score >= bar) continue;
    out.push({ id: audit.id, title: audit.title, score: audit.score, ...(audit.displayValue ? { value: audit.displayValue } : {}) });
  }
  return out.sort((a, b) => a.score - b.score);
}

export async function runLighthouse(chrome: LaunchedChrome, url: string, preset: 'mobile' | 'desktop'): Promise<LighthouseRun> {
  const flags: Flags = { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] };
  const result = await lighthouse(url, flags, preset === 'desktop' ? desktopConfig : undefined);
  if (!result) throw new Error(`lighthouse returned nothing for ${url}`);
  const lhr = result.lhr;
  if (lhr.runtimeError) throw new Error(`lighthouse: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
  const score = (id: 'performance' | 'accessibility') => Math.round((lhr.categories[id]?.score ?? 0) * 100);
  const metrics: Record<string, string> = {};
  for (const id of ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index']) {
    const audit = lhr.audits[id];
    if (audit?.displayValue) metrics[id] = audit.displayValue;
  }
  const requests = (lhr.audits['network-requests']?.details as { items?: Array<{ url: string; resourceType?: string; transferSize?: number }> } | undefined)?.items ?? [];
  const scripts = requests
    .filter((r) => r.resourceType === 'Script')
    .map((r) => ({ url: r.url, transferSize: r.transferSize ?? 0 }))
    .sort((a, b) => b.transferSize - a.transferSize);
  const errored: Record<string, string> = {};
  for (const audit of Object.values(lhr.audits)) {
    if (audit.scoreDisplayMode === 'error') errored[audit.id] = audit.errorMessage ?? '';
  }
  return {
    preset,
    errored,
    performance: score('performance'),
    accessibility: score('accessibility'),
    failing: { performance: failingAudits(lhr, 'performance'), accessibility: failingAudits(lhr, 'accessibility') },
    metrics,
    scripts,
    lighthouseVersion: lhr.lighthouseVersion,
    userAgent: lhr.environment.hostUserAgent,
  };
}
