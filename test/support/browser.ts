import { existsSync, mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromiumPath, laptopViewport, launchChromium } from './chromium.js';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { listenOnLoopback } from './listening-app.js';
import type { TestApp } from './test-app.js';

export { chromiumPath, laptopViewport, launchChromium };

/**
 * Whether the browser suites run here. Locally a missing Chromium skips them with a message; in CI
 * (CI=true) a missing Chromium fails the run, so the console is never released untested.
 */
export function browserAvailable(): boolean {
  if (existsSync(chromiumPath)) return true;
  if (process.env.CI === 'true') throw new Error(`Chromium not found at ${chromiumPath}; .ci/run installs it with apt-get install chromium`);
  console.warn(`[console e2e] skipped: no Chromium at ${chromiumPath} (apt-get install chromium, or set SENTRA_CHROMIUM)`);
  return false;
}

/** Where screenshots go (gitignored); CI keeps them as artifacts. */
export const screenshotDirectory = new URL('../../test-artifacts/screenshots/', import.meta.url);

/** Saves a full-page PNG of the page under test-artifacts/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDirectory, { recursive: true });
  await page.screenshot({ path: new URL(`${name}.png`, screenshotDirectory).pathname, fullPage: true });
}

/**
 * Collects what the browser reports as going wrong on a page: uncaught errors, console errors
 * (including Content-Security-Policy violations) and failed requests.
 */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  // 4xx answers the page handles (bad input, sign-in, role, missing, stale version) are not failures.
  page.on('console', (message) => {
    if (message.type() === 'error' && !/status of 40[01349]/.test(message.text())) problems.push(`console: ${message.text()}`);
  });
  // A request cut short by leaving the page (ERR_ABORTED) is the browser's normal behaviour, not a failure.
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? '';
    if (reason !== 'net::ERR_ABORTED') problems.push(`request failed: ${request.url()} ${reason}`);
  });
  return problems;
}

/**
 * The pages a browser suite opens against one server, each in its own context at laptop size and
 * watched for problems; `closeAll` closes them and returns every problem they reported.
 */
export class WatchedPages {
  private readonly contexts: BrowserContext[] = [];
  private problems: string[][] = [];

  constructor(
    private readonly browser: Browser,
    private readonly base: string,
  ) {}

  /** A new page already signed in with `token` (kept where the console keeps it), opened at `path`. */
  async signedIn(token: string, path: string): Promise<Page> {
    const context = await this.browser.newContext({ viewport: laptopViewport });
    this.contexts.push(context);
    const page = await context.newPage();
    this.problems.push(watchProblems(page));
    await page.addInitScript(`sessionStorage.setItem('sentra.token', ${JSON.stringify(token)})`);
    await page.goto(this.base + path);
    return page;
  }

  /** Closes every page opened so far and returns the problems they reported. */
  async closeAll(): Promise<string[]> {
    await Promise.all(this.contexts.splice(0).map((context) => context.close()));
    const found = this.problems.flat();
    this.problems = [];
    return found;
  }
}

/**
 * Serves a suite's app on loopback to a headless Chromium. Call it after the `beforeAll` that starts
 * the app (`app()` answers it then): its own `beforeAll` listens and launches the browser, every
 * test's pages are closed after it and must have reported no problem, and the browser and the app
 * are closed after the suite. `base` and `pages` are set once its `beforeAll` has run.
 */
export function servedToChromium(app: () => TestApp | undefined): { base: string; pages: WatchedPages } {
  const served = { base: '', pages: undefined as unknown as WatchedPages };
  let browser: Browser | undefined;
  beforeAll(async () => {
    served.base = await listenOnLoopback(app()!);
    browser = await launchChromium();
    served.pages = new WatchedPages(browser, served.base);
  });
  afterEach(async () => {
    expect(await served.pages.closeAll()).toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
    await app()?.close();
  });
  return served;
}
