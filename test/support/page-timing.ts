import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import type { Page } from 'playwright-core';

/** Lighthouse-style load figures of one page, read from the browser's own performance entries. */
export interface PageTiming {
  page: string;
  /** First contentful paint, ms after navigation start. */
  firstContentfulPaintMs: number;
  /** When the page's own "ready" element was visible, ms after navigation start. */
  readyMs: number;
  /** Ready, and the main thread free of long tasks (> 50 ms) from then on: ms after navigation start. */
  timeToInteractiveMs: number;
  longTasks: number;
  /** Bytes of script and style the page transferred (compressed, as sent). */
  transferredBytes: number;
}

/**
 * Records long tasks from the very start of every document of this page; call before navigating.
 * The script is a string: it runs in the browser, not in Node.
 */
export async function recordLongTasks(page: Page): Promise<void> {
  await page.addInitScript(`
    window.__longTasks = [];
    new PerformanceObserver((list) => { for (const entry of list.getEntries()) window.__longTasks.push([entry.startTime, entry.duration]); })
      .observe({ type: 'longtask', buffered: true });
  `);
}

/**
 * Loads a URL and measures it: FCP, the moment the ready selector is visible, and time to interactive
 * as the later of "ready" and the end of the last long task before a quiet second. Figures are
 * reported, never asserted: this machine's load varies too much for a timed assertion.
 */
export async function measurePageLoad(page: Page, url: string, readySelector: string, name: string): Promise<PageTiming> {
  await page.goto(url);
  await page.locator(readySelector).first().waitFor();
  const readyMs = await page.evaluate<number>('performance.now()');
  await page.waitForTimeout(1000);
  const figures = await page.evaluate<{ fcp: number; tasks: [number, number][]; bytes: number }>(`({
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0,
    tasks: window.__longTasks ?? [],
    bytes: performance.getEntriesByType('resource').filter((entry) => /\\.(js|css)$/.test(entry.name))
      .reduce((sum, entry) => sum + entry.transferSize, 0),
  })`);
  const lastTaskEnd = figures.tasks.reduce((latest, [start, duration]) => Math.max(latest, start + duration), 0);
  return {
    page: name,
    firstContentfulPaintMs: Math.round(figures.fcp),
    readyMs: Math.round(readyMs),
    timeToInteractiveMs: Math.round(Math.max(readyMs, lastTaskEnd, figures.fcp)),
    longTasks: figures.tasks.length,
    transferredBytes: figures.bytes,
  };
}

const timingFile = new URL('../../test-artifacts/page-timings.json', import.meta.url);

/** Appends a measurement to test-artifacts/page-timings.json and prints it. */
export function reportTiming(timing: PageTiming): void {
  mkdirSync(new URL('.', timingFile), { recursive: true });
  const previous = existsSync(timingFile) ? (JSON.parse(readFileSync(timingFile, 'utf8')) as PageTiming[]) : [];
  writeFileSync(timingFile, JSON.stringify([...previous.filter((entry) => entry.page !== timing.page), timing], null, 2));
  console.log(`[console timing] ${JSON.stringify(timing)}`);
}
