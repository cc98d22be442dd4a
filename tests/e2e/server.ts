// Builds the app once and serves it with `next start` on a free port of 127.0.0.1.
// SYNACK_E2E_SKIP_BUILD=1 reuses an existing .next build (handy while iterating on tests);
// SYNACK_E2E_PORT=N serves on that port instead of a free one.
import { afterAll, beforeAll } from 'vitest';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page, type Response } from 'playwright-core';

const ROOT = path.resolve(import.meta.dirname, '../..');
const NEXT_BIN = path.join(ROOT, 'node_modules/next/dist/bin/next');

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

const BUILD_LOCK = path.join(ROOT, '.next-e2e-build.lock');
// One marker per test run: workers of one vitest run share a parent process.
const BUILT_MARKER = path.join(os.tmpdir(), `synack-e2e-built-${process.ppid}`);

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Takes the build lock (an atomic mkdir); a lock left by a killed run is taken over after 10 minutes. */
function lock(): void {
  for (;;) {
    try {
      fs.mkdirSync(BUILD_LOCK);
      return;
    } catch {
      const age = Date.now() - (fs.statSync(BUILD_LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 600_000) fs.rmSync(BUILD_LOCK, { recursive: true, force: true });
      else sleep(250);
    }
  }
}

/** Builds once per test run: e2e files run in parallel workers and must not build .next together. */
function build(): void {
  const reuse = process.env.SYNACK_E2E_SKIP_BUILD === '1' && fs.existsSync(path.join(ROOT, '.next/BUILD_ID'));
  if (reuse) return;
  lock();
  try {
    if (fs.existsSync(BUILT_MARKER)) return;
    execFileSync(process.execPath, [NEXT_BIN, 'build'], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    });
    fs.writeFileSync(BUILT_MARKER, '');
  } finally {
    fs.rmSync(BUILD_LOCK, { recursive: true, force: true });
  }
}

async function waitForHttp(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with code ${child.exitCode}`);
    try {
      await fetch(url, { redirect: 'manual' });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  throw new Error(`next start did not answer ${url} within ${timeoutMs} ms`);
}

export interface AppServer {
  baseUrl: string;
  stop: () => Promise<void>;
}

export async function startApp(): Promise<AppServer> {
  build();
  // A fixed port where the machine hands out ranges (one e2e file at a time then); else any free one.
  const port = process.env.SYNACK_E2E_PORT ? Number(process.env.SYNACK_E2E_PORT) : await freePort();
  const child = spawn(process.execPath, [NEXT_BIN, 'start', '-H', '127.0.0.1', '-p', String(port)], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${baseUrl}/en`, child, 30_000);
  } catch (error) {
    child.kill('SIGTERM');
    throw error;
  }
  return {
    baseUrl,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * Starts the app and a browser before a test file's tests and stops both after them; the getter
 * returns them once started.
 */
export function useAppAndBrowser(): () => { app: AppServer; browser: Browser } {
  let app: AppServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
  }, 600_000); // the first e2e file pays for `next build`: minutes on a loaded 2-core machine
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });
  return () => {
    if (!app || !browser) throw new Error('the app and browser start in beforeAll');
    return { app, browser };
  };
}

/**
 * Waits until the app's client code has hydrated the page (the mark the root providers set), so a
 * click or a keystroke that follows reaches React instead of being lost on server-rendered HTML.
 * A page that is not the app's HTML (a 404 shell, a JSON answer) is left as it is.
 */
async function untilHydrated(page: Page, response: Response | null): Promise<Response | null> {
  const html = (response?.headers()['content-type'] ?? 'text/html').includes('text/html');
  // With JavaScript off (a context made so on purpose) nothing will ever hydrate: Next's inline
  // scripts did not run, so its flight data is missing.
  const scripted = await page.evaluate(() => '__next_f' in self).catch(() => false);
  if (scripted && html && (response === null || response.ok()) && (await page.locator('#main').count()) > 0) {
    await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true', null, { timeout: 60_000 });
  }
  return response;
}

/** `page.goto`, then waits for hydration. */
export async function visit(page: Page, url: string, options?: Parameters<Page['goto']>[1]): Promise<Response | null> {
  return untilHydrated(page, await page.goto(url, options));
}

/** `page.reload`, then waits for hydration. */
export async function reload(page: Page, options?: Parameters<Page['reload']>[0]): Promise<Response | null> {
  return untilHydrated(page, await page.reload(options));
}

/**
 * Waits until the app's service worker is installed (the app precached) and active, so that every
 * page opened from now on is served through it. Bounded, unlike `navigator.serviceWorker.ready`,
 * which waits for ever when an install fails (a precache fetch lost on a loaded machine): then
 * the page is loaded again, which registers the worker anew as a returning visitor's next page
 * would. On time-out the error says how far the worker got.
 */
export async function untilServiceWorkerActive(page: Page, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const workerState = () =>
    page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      const worker = registration?.active ?? registration?.waiting ?? registration?.installing;
      return worker?.state ?? 'none';
    });
  let loaded = Date.now();
  let state = await workerState();
  while (state !== 'activated' && Date.now() < deadline) {
    // A page registers the worker once it has hydrated; give a missing one a few seconds.
    if (state === 'redundant' || (state === 'none' && Date.now() - loaded > 10_000)) {
      await reload(page, { timeout: Math.max(1, deadline - Date.now()) });
      loaded = Date.now();
    }
    await page.waitForTimeout(250);
    state = await workerState();
  }
  if (state !== 'activated') throw new Error(`the service worker of ${page.url()} was not active within ${timeoutMs} ms (its state: ${state})`);
}
