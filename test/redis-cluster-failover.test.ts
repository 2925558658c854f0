import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedisCluster, type LocalRedisCluster } from './support/redis-cluster.js';
import { scoreBody } from './support/score-body.js';
import { adminToken, startTestApp, type TestApp } from './support/test-app.js';

const senders = 24;
const base = Date.parse('2026-11-20T10:00:00Z');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One payment of sender `index`; each sender has its own receiver, device and IP, so keys spread over every master. */
function payment(index: number, txId: string, createdAt: number) {
  return scoreBody({
    transaction: { tx_id: txId, created_at: new Date(createdAt).toISOString() },
    entities: {
      sender_entity_id: `failover-sender-${index}`,
      receiver_entity_id: `failover-shop-${index}`,
      device_id_hash: `failover-device-${index}`,
      ip_hash: `failover-ip-${index}`,
      user_id: `failover-user-${index}`,
    },
  });
}

/**
 * A master of a real 3-master Redis Cluster (each with a replica) is killed (SIGKILL) while four
 * clients score without pause, and its replica takes over (cluster-node-timeout 1 s). What the
 * product promises (docs/scaling.md, "Redis Cluster"): scoring continues once the replica is
 * promoted, with no restart; meanwhile requests whose entities live on the lost master answer 503
 * with Retry-After (never 500); every payment answered 200 stays counted in its sender's profile; a
 * 503 may have been folded for the entities on live masters, and retrying it with the same tx_id
 * counts no entity twice, so after the retries each sender counts each of its payments exactly once.
 * (Replication is asynchronous: a master may lose the writes it had not yet sent to its replica. On
 * loopback that window is far shorter than one request; a loss there would fail this test.)
 */
describe.skipIf(!process.env.SENTRA_TEST_REDIS_CLUSTER_NODES)('scoring through a Redis Cluster failover', () => {
  let cluster: LocalRedisCluster;
  let sentra: TestApp;

  beforeAll(async () => {
    cluster = await startRedisCluster();
    sentra = await startTestApp('pglite', { REDIS_CLUSTER_NODES: cluster.nodes, SENTRA_REDIS_PREFIX: `test:failover:${process.pid}`, SENTRA_DB_TIMEOUT_MS: '1000' });
  }, 60_000);

  afterAll(async () => {
    await sentra?.close();
    await cluster?.stop();
  });

  const score = (body: ReturnType<typeof payment>) =>
    sentra.app.inject({ method: 'POST', url: '/v1/risk/score', headers: { authorization: `Bearer ${adminToken}` }, payload: body });

  it('keeps scoring, loses no payment answered 200, and counts every retried payment once', async () => {
    // Warm up: the function library on every master, the slot map, the model.
    for (let index = 0; index < senders; index++) {
      expect((await score(payment(index, `failover-warm-${index}`, base))).statusCode).toBe(200);
    }
    const nodes = await cluster.cli(cluster.ports[0]!, 'cluster', 'nodes');
    // The profiles live in the cluster, spread over all three masters (each entity in its own slot).
    const masterPorts = nodes.split('\n').filter((line) => /[ ,]master /.test(line)).map((line) => Number(line.split(' ')[1]!.split(':')[1]!.split('@')[0]));
    expect(masterPorts).toHaveLength(3);
    for (const port of masterPorts) expect((await cluster.cli(port, '--scan', '--pattern', `test:failover:${process.pid}:*`)).trim()).not.toBe('');
    const master = nodes.split('\n').find((line) => /[ ,]master /.test(line))!.split(' ');
    const replica = nodes.split('\n').find((line) => new RegExp(`[ ,]slave ${master[0]} `).test(line))!.split(' ');
    const masterPort = Number(master[1]!.split(':')[1]!.split('@')[0]);
    const replicaPort = Number(replica[1]!.split(':')[1]!.split('@')[0]);
    // The replica holds its master's data before the kill (a replica that never synced would take
    // over empty and lose every payment before it).
    expect(await cluster.cli(replicaPort, 'info', 'replication')).toMatch(/master_link_status:up/);
    const masterPid = Number(/process_id:(\d+)/.exec(await cluster.cli(masterPort, 'info', 'server'))![1]);

    const sent: { index: number; body: ReturnType<typeof payment>; status: number; code?: string; retryAfter?: unknown; at: number }[] = [];
    let running = true;
    let sequence = 0;
    const lane = async () => {
      while (running) {
        const index = sequence % senders;
        const body = payment(index, `failover-${sequence}`, base + 1_000 + sequence);
        sequence++;
        const response = await score(body);
        sent.push({ index, body, status: response.statusCode, at: performance.now(), ...(response.statusCode === 200 ? {} : { code: response.json().error?.code, retryAfter: response.headers['retry-after'] }) });
        if (response.statusCode !== 200) await sleep(20);
      }
    };
    const load = Promise.all([lane(), lane(), lane(), lane()]);
    await sleep(1_000);
    const killedAt = performance.now();
    process.kill(masterPid, 'SIGKILL');
    // The replica is promoted once the other masters see the master fail (about 2 s here).
    let promotedAt = 0;
    while (performance.now() - killedAt < 30_000) {
      const role = await cluster.cli(replicaPort, 'role').catch(() => '');
      const info = await cluster.cli(replicaPort, 'cluster', 'info').catch(() => '');
      if (role.startsWith('master') && info.includes('cluster_state:ok')) {
        promotedAt = performance.now();
        break;
      }
      await sleep(50);
    }
    // Scoring continues without a restart: 200s again after the promotion.
    while (promotedAt > 0 && performance.now() - promotedAt < 30_000 && sent.filter((answer) => answer.status === 200 && answer.at > promotedAt + 500).length < 20) await sleep(50);
    running = false;
    await load;
    expect(promotedAt, await cluster.cli(replicaPort, 'cluster', 'nodes').catch(String)).toBeGreaterThan(0);

    const failed = sent.filter((answer) => answer.status !== 200);
    const recovered = sent.find((answer) => answer.status === 200 && answer.at > promotedAt);
    console.log(
      `failover: ${sent.length} payments, ${failed.length} answered 503, promotion ${Math.round(promotedAt - killedAt)} ms after the kill, ` +
        `first 200 after it ${recovered === undefined ? 'never' : `${Math.round(recovered.at - promotedAt)} ms later`}`,
    );
    expect(sent.filter((answer) => answer.status === 200 && answer.at > promotedAt).length).toBeGreaterThanOrEqual(20);
    // Never a 500: every failure is a 503 the client can retry.
    for (const answer of failed) expect([answer.status, answer.code, answer.retryAfter]).toEqual([503, 'SENTRA_ERR_STORE_UNAVAILABLE', '1']);

    // Every payment answered 200 is still counted: each sender's count is at least its 200s (its
    // profile is read through one more payment, after all the others).
    const senderCount = async (index: number, txId: string) => {
      const response = await score(payment(index, txId, base + 3_600_000));
      expect(response.statusCode).toBe(200);
      const decision = await sentra.app.inject({ method: 'GET', url: `/v1/decisions/${response.json().request_id}`, headers: { authorization: `Bearer ${adminToken}` } });
      return decision.json().features.sender_tx_count_24h as number;
    };
    const perSender = (status?: number) =>
      Array.from({ length: senders }, (_, index) => 1 + sent.filter((answer) => answer.index === index && (status === undefined || answer.status === status)).length);
    const answered = perSender(200);
    const attempted = perSender();
    const before = await Promise.all(Array.from({ length: senders }, (_, index) => senderCount(index, `failover-probe-${index}`)));
    for (let index = 0; index < senders; index++) {
      expect(before[index]).toBeGreaterThanOrEqual(answered[index]!);
      expect(before[index]).toBeLessThanOrEqual(attempted[index]!);
    }
    // Retrying each 503 with the same body answers 200 and counts no entity twice: every sender
    // now counts each of its payments once (the probes above included).
    for (const answer of failed) expect((await score(answer.body)).statusCode).toBe(200);
    const after = await Promise.all(Array.from({ length: senders }, (_, index) => senderCount(index, `failover-probe-again-${index}`)));
    expect(after).toEqual(attempted.map((count) => count + 1));
  }, 120_000);
});
