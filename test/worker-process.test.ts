import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, startTestApp, type TestApp } from './support/test-app.js';
import { scoreBody } from './support/score-body.js';
import { eventually } from './support/enrichment.js';
import { spawnCli } from './support/run-cli.js';
import { fakeS3Credentials } from './support/fake-s3.js';

/** An S3 stand-in that holds every request until released, then serves one text document. */
async function startStallingStore(): Promise<{ endpoint: string; requests: number; release(): void; close(): Promise<void> }> {
  const held: ServerResponse[] = [];
  let released = false;
  const state = { requests: 0 };
  const serve = (response: ServerResponse) => {
    response.writeHead(200, { 'content-type': 'text/plain' });
    response.end('Full name: Ana Lima\nNationality: BR\n');
  };
  const server: Server = createServer((_request: IncomingMessage, response: ServerResponse) => {
    state.requests++;
    if (released) serve(response);
    else held.push(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get requests() {
      return state.requests;
    },
    release() {
      released = true;
      for (const response of held.splice(0)) response.destroy();
    },
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

/** Scaled mode: `sentra worker` processes on one PostgreSQL; one is killed in the middle of a job. */
describe.skipIf(process.env.DATABASE_URL === undefined)('sentra worker processes on PostgreSQL', () => {
  let sentra: TestApp;
  let store: Awaited<ReturnType<typeof startStallingStore>>;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    store = await startStallingStore();
    sentra = await startTestApp('postgres', {
      SENTRA_WORKER: 'off',
      SENTRA_KYC_DOC_BUCKETS: 'kyc-docs',
      SENTRA_KYC_S3_ENDPOINT: store.endpoint,
      SENTRA_KYC_S3_FORCE_PATH_STYLE: 'true',
    });
  });
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await sentra?.close();
    await store?.close();
  });

  const workerEnv = () => ({
    DATABASE_URL: sentra.runtime.config.databaseUrl!,
    SENTRA_DATA_DIR: sentra.dataDir,
    SENTRA_KYC_DOC_BUCKETS: 'kyc-docs',
    SENTRA_KYC_S3_ENDPOINT: store.endpoint,
    SENTRA_KYC_S3_FORCE_PATH_STYLE: 'true',
    SENTRA_JOB_TIMEOUT_MS: '1500',
    SENTRA_WORKER_POLL_MS: '50',
    AWS_ACCESS_KEY_ID: fakeS3Credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: fakeS3Credentials.secretAccessKey,
  });
  const jobOf = () => sentra.runtime.database.db.selectFrom('jobs').selectAll().where('kind', '=', 'kyc_enrichment').executeTakeFirst();

  it('takes again, in another process, a job whose worker was killed, once its lease expired', async () => {
    const response = await sentra.app.inject({
      method: 'POST',
      url: '/v1/risk/score',
      headers: { authorization: `Bearer ${adminToken}` },
      payload: scoreBody({ entities: { sender_entity_id: 'cust-worker', sender_country: 'US' }, kyc_refs: [{ entity_id: 'cust-worker', doc_s3_url: 's3://kyc-docs/passport.txt' }] }),
    });
    expect(response.json().llm_status).toBe('pending');

    const doomed = spawnCli(['worker'], workerEnv());
    children.push(doomed);
    await eventually(async () => (store.requests > 0 ? true : undefined), 30_000, 'the first worker to fetch the document');
    const leased = await jobOf();
    expect(leased).toMatchObject({ status: 'running', attempts: 1 });
    expect(leased!.locked_by).toContain(`:${doomed.pid}:`);
    doomed.kill('SIGKILL');
    await exited(doomed);

    store.release();
    const survivor = spawnCli(['worker'], workerEnv());
    children.push(survivor);
    const done = await eventually(async () => {
      const job = await jobOf();
      return job?.status === 'done' ? job : undefined;
    }, 30_000, 'the job to be taken again and done');
    expect(done.attempts).toBe(2);
    const enrichment = await sentra.app.inject({ method: 'GET', url: '/v1/enrichment/cust-worker', headers: { authorization: `Bearer ${adminToken}` } });
    expect(enrichment.json()).toMatchObject({ status: 'ready', signals: { country_mismatch: true } });

    survivor.kill('SIGTERM');
    expect(await exited(survivor)).toBe(0);
  }, 90_000);
});
