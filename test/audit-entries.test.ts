import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, startTestApp, storeKinds, type TestApp } from './support/test-app.js';
import { scoreBody } from './support/score-body.js';

const auth = (token: string) => ({ authorization: `Bearer ${token}` });

interface Entry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subject: string;
  payload: unknown;
  hash: string;
  prev_hash: string;
}

describe.each(storeKinds)('the audit entry list on %s', (store) => {
  let sentra: TestApp;
  let tenantCount = 0;

  /** A fresh tenant with `decisions` scored decisions and one threshold change, so each scenario owns its chain. */
  const tenantWithEntries = async (decisions: number) => {
    const tenantId = `auditlist${tenantCount++}`;
    const created = await sentra.app.inject({ method: 'POST', url: '/v1/admin/tenants', headers: auth(adminToken), payload: { tenant_id: tenantId, name: tenantId } });
    expect(created.statusCode).toBe(201);
    const token = created.json().admin_token.token as string;
    for (let index = 0; index < decisions; index++) {
      expect((await sentra.app.inject({ method: 'POST', url: '/v1/risk/score', headers: auth(token), payload: scoreBody() })).statusCode).toBe(200);
    }
    await sentra.runtime.writer.drain();
    const thresholds = await sentra.app.inject({ method: 'PUT', url: '/v1/admin/thresholds', headers: auth(token), payload: { review_at: 410, hold_at: 710, block_at: 910 } });
    expect(thresholds.statusCode).toBe(200);
    return { tenantId, token };
  };
  const list = async (token: string, query = '') => {
    const answer = await sentra.app.inject({ method: 'GET', url: `/v1/audit/entries${query}`, headers: auth(token) });
    expect(answer.statusCode, answer.body).toBe(200);
    return answer.json() as { items: Entry[]; next_cursor: string | null };
  };
  /** Every entry, walking the pages of `size` down to the chain's start. */
  const walk = async (token: string, size: number, filters = '') => {
    const seen: Entry[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await list(token, `?limit=${size}${filters}${cursor === null ? '' : `&cursor=${cursor}`}`);
      expect(page.items.length).toBeLessThanOrEqual(size);
      seen.push(...page.items);
      cursor = page.next_cursor;
      pages += 1;
    } while (cursor !== null);
    return { seen, pages };
  };

  beforeAll(async () => {
    sentra = await startTestApp(store);
  });
  afterAll(async () => {
    await sentra.close();
  });

  it('lists the chain newest first with every field, and the pages going older hold each entry once', async () => {
    const { tenantId, token } = await tenantWithEntries(5);
    const head = (await sentra.app.inject({ method: 'GET', url: '/v1/audit/verify', headers: auth(token) })).json().head;
    const first = await list(token);
    expect(first.next_cursor).toBeNull();
    expect(first.items.map((entry) => entry.seq)).toEqual(Array.from({ length: head.seq }, (_, index) => head.seq - index));
    expect(first.items[0]).toMatchObject({ seq: head.seq, hash: head.hash, action: 'thresholds.changed', subject: tenantId });
    expect(first.items.at(-1)).toMatchObject({ seq: 1, action: 'tenant.created' });
    for (let index = 0; index + 1 < first.items.length; index++) expect(first.items[index]!.prev_hash).toBe(first.items[index + 1]!.hash);
    expect(Date.parse(first.items[0]!.at)).not.toBeNaN();

    const { seen, pages } = await walk(token, 2);
    expect(pages).toBe(Math.ceil(head.seq / 2));
    expect(seen).toEqual(first.items);
    const page = await list(token, `?limit=3&cursor=${head.seq - 1}`);
    expect(page.items.map((entry) => entry.seq)).toEqual([head.seq - 2, head.seq - 3, head.seq - 4]);
    expect(page.next_cursor).toBe(String(head.seq - 4));
  });

  it('filters by action, subject and a window of time, and pages under the filters', async () => {
    const { tenantId, token } = await tenantWithEntries(4);
    const all = (await list(token)).items;
    const decisions = all.filter((entry) => entry.action === 'decision.created');
    expect(decisions.length).toBe(4);
    const { seen, pages } = await walk(token, 3, '&action=decision.created');
    expect(seen).toEqual(decisions);
    expect(pages).toBe(2);

    expect((await list(token, `?subject=${tenantId}`)).items).toEqual(all.filter((entry) => entry.subject === tenantId));
    expect((await list(token, `?subject=${decisions[0]!.subject}&action=decision.created`)).items).toEqual([decisions[0]]);
    expect((await list(token, '?action=no.such.action')).items).toEqual([]);

    const from = all[all.length - 2]!.at;
    const to = all[1]!.at;
    const window = all.filter((entry) => entry.at >= from && entry.at < to);
    expect((await list(token, `?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`)).items).toEqual(window);
    expect((await list(token, `?from=${encodeURIComponent(all[0]!.at)}`)).items).toEqual(all.filter((entry) => entry.at >= all[0]!.at));
    expect((await list(token, `?to=${encodeURIComponent(all.at(-1)!.at)}`)).items).toEqual([]);
  });

  it("never shows another tenant's entries, whatever the cursor", async () => {
    const a = await tenantWithEntries(2);
    const b = await tenantWithEntries(3);
    const entriesB = (await list(b.token)).items;
    const entriesA = (await list(a.token)).items;
    expect(entriesA.length).toBeGreaterThan(0);
    const hashesB = new Set(entriesB.map((entry) => entry.hash));
    for (const entry of entriesA) {
      expect(hashesB.has(entry.hash)).toBe(false);
      expect(entry.subject).not.toBe(b.tenantId);
    }
    expect((await list(a.token, `?subject=${b.tenantId}`)).items).toEqual([]);
    expect((await list(a.token, `?cursor=${entriesB[0]!.seq + 1}`)).items).toEqual(entriesA);
  });

  it('refuses bad queries with a code and a path, and other roles by the access rules of the audit routes', async () => {
    const { tenantId, token } = await tenantWithEntries(0);
    const bad = async (query: string, path: string) => {
      const answer = await sentra.app.inject({ method: 'GET', url: `/v1/audit/entries${query}`, headers: auth(token) });
      expect(answer.statusCode, query).toBe(400);
      expect(answer.json().error.code).toBe('SENTRA_ERR_VALIDATION');
      expect(answer.json().error.details.map((detail: { path: string }) => detail.path), query).toContain(path);
    };
    await bad('?limit=0', '/querystring/limit');
    await bad('?limit=201', '/querystring/limit');
    await bad('?limit=ten', '/querystring/limit');
    await bad('?cursor=0', '/querystring/cursor');
    await bad('?cursor=abc', '/querystring/cursor');
    await bad('?from=yesterday', '/querystring/from');
    await bad('?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z', '/querystring/to');
    await bad('?action=', '/querystring/action');
    await bad('?colour=red', '/querystring/colour');
    expect((await sentra.app.inject({ method: 'GET', url: '/v1/audit/entries' })).statusCode).toBe(401);
    const analyst = await sentra.addToken(tenantId, 'analyst');
    expect((await sentra.app.inject({ method: 'GET', url: '/v1/audit/entries', headers: auth(analyst) })).statusCode).toBe(403);
  });
});
