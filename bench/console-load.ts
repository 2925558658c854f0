/**
 * Console load benchmark: the built console's bundle size (gzip, as served precompressed) and a cold
 * load of `/cases` with 100 unresolved cases in headless Chromium (Debian's, as the browser tests):
 * first contentful paint, the moment the 100th row is on screen, and time to interactive (that
 * moment, or the end of the last long task before a quiet second, whichever is later), Lighthouse-style
 * from the browser's own performance entries. BENCH_ROUNDS cold loads (default 3), each in a fresh
 * browser context (empty cache). Needs `npm run build` first. Light: one embedded server, 100 rows.
 *
 *   npm run build && npx tsx bench/console-load.ts
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { loadConfig } from '../src/platform/config.js';
import { buildApp } from '../src/app.js';
import { laptopViewport, launchChromium } from '../test/support/chromium.js';
import { measurePageLoad, recordLongTasks, type PageTiming } from '../test/support/page-timing.js';

const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const cases = 100;
const token = 'bench-admin-token-0123456789abcdef';
const dist = new URL('../console/dist/', import.meta.url).pathname;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

// Bundle: what the first page load fetches (the entry script, its preloaded chunks, the style sheet,
// as index.html names them), the cases page's own chunk, and every asset together; gzip sizes of the
// .gz files the build writes (the server sends brotli when the browser accepts it, smaller still).
const index = readFileSync(join(dist, 'index.html'), 'utf8');
const initial = [...index.matchAll(/(?:src|href)="\/assets\/([^"]+\.(?:js|css))"/g)].map((match) => match[1]!);
const assets = readdirSync(join(dist, 'assets'));
const gzipSize = (file: string) => statSync(join(dist, 'assets', `${file}.gz`), { throwIfNoEntry: false })?.size ?? statSync(join(dist, 'assets', file)).size;
const code = assets.filter((file) => /\.(js|css)$/.test(file));
const casesChunk = code.filter((file) => file.startsWith('case-queue-page-'));
console.log(`Sentra console load benchmark: node ${process.version}, load ${loadavg()[0]!.toFixed(1)}`);
console.log(`bundle (gzip): first load ${kib(initial.reduce((sum, file) => sum + gzipSize(file), 0))} (${initial.join(', ')}); /cases chunk ${kib(casesChunk.reduce((sum, file) => sum + gzipSize(file), 0))}; all ${code.length} scripts and styles ${kib(code.reduce((sum, file) => sum + gzipSize(file), 0))}`);

const dataDir = mkdtempSync(join(tmpdir(), 'sentra-bench-console-'));
const config = loadConfig({ SENTRA_DATA_DIR: dataDir, SENTRA_BOOTSTRAP_TOKEN: token, LOG_LEVEL: 'silent' });
const sentra = await buildApp(config, { inMemoryDatabase: true });
const browser = await launchChromium();
try {
  // 100 unresolved cases (open, in review, escalated), REVIEW / HOLD / BLOCK, opened over the last two days.
  await sql`
    insert into cases (id, tenant_id, tx_id, status, decision, risk_score, latest_score_id, created_at, updated_at,
                       priority, sla_due_at, assignee, version, manual, amount_usd, sender_entity_id, receiver_entity_id,
                       merchant_id, has_kyc, resolution, resolved_at, resolved_by)
    select 'case_bench_' || i, 'default', 'tx_bench_' || i, (array['open','open','in_review','escalated'])[1 + i % 4],
           (array['REVIEW','HOLD','BLOCK'])[1 + i % 3], 500 + (i * 7919) % 500, 'dec_bench_' || i,
           now() - ((i * 29) || ' minutes')::interval, now(), 50 + (i * 7919) % 50, now() + (((i * 31) % 2880) - 720 || ' minutes')::interval,
           null, 1, false, (i % 5000) + 0.5, 'sender-' || i, 'merchant-' || (i % 30), 'm-' || (i % 5), i % 4 = 0, null, null, null
      from generate_series(1, ${cases}) as i`.execute(sentra.runtime.database.db);
  await sentra.app.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(sentra.app.server.address() as AddressInfo).port}`;
  const timings: PageTiming[] = [];
  for (let round = 0; round < rounds; round++) {
    const context = await browser.newContext({ viewport: laptopViewport });
    const page = await context.newPage();
    await page.addInitScript(`sessionStorage.setItem('sentra.token', ${JSON.stringify(token)})`);
    await recordLongTasks(page);
    const timing = await measurePageLoad(page, `${base}/cases`, `main table tbody tr:nth-child(${cases})`, 'cases-100');
    timings.push(timing);
    console.log(`cold load ${round + 1}: FCP ${timing.firstContentfulPaintMs} ms, 100 rows shown ${timing.readyMs} ms, TTI ${timing.timeToInteractiveMs} ms, ${timing.longTasks} long tasks, ${kib(timing.transferredBytes)} script+style transferred`);
    await context.close();
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  console.log(`/cases with ${cases} cases, median of ${rounds}: FCP ${median(timings.map((t) => t.firstContentfulPaintMs))} ms, rows ${median(timings.map((t) => t.readyMs))} ms, TTI ${median(timings.map((t) => t.timeToInteractiveMs))} ms`);
} finally {
  await browser.close();
  await sentra.close();
  rmSync(dataDir, { recursive: true, force: true });
}
