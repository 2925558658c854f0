import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackgroundNetworkSignals, openOfflineNetworkSignals, type OfflineNetworkSignals } from './offline-network-signals.js';

describe('the offline IP databases shipped as npm packages', () => {
  let directory: string;
  let signals: OfflineNetworkSignals;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'sentra-network-'));
    signals = await openOfflineNetworkSignals({ cacheDirectory: directory });
  });
  afterAll(() => rm(directory, { recursive: true }));

  it('knows 1.1.1.1 as Cloudflare AS13335, a hosting network', () => {
    expect(signals.lookup('1.1.1.1')).toMatchObject({ asn: 13335, asnOrganization: 'Cloudflare, Inc.', hosting: true, country: 'AU' });
  });

  it('locates IPv6 and residential addresses', () => {
    expect(signals.lookup('2405:8100:8000:5ca1::17:f1c5')).toMatchObject({ asn: 13335, hosting: true });
    const mexican = signals.lookup('200.68.128.1');
    expect(mexican).toMatchObject({ country: 'MX', hosting: false });
    expect(mexican?.latitude).toBeGreaterThan(14);
    expect(mexican?.latitude).toBeLessThan(33);
    expect(signals.lookup('8.8.8.8')).toMatchObject({ asn: 15169, country: 'US', hosting: true });
    expect(signals.lookup('not an ip')).toBeUndefined();
  });

  it('caches the converted ASN table and reads it back identically', async () => {
    expect((await readdir(directory)).filter((name) => name.endsWith('.bin'))).toHaveLength(1);
    const again = await openOfflineNetworkSignals({ cacheDirectory: directory });
    expect(again.lookup('1.1.1.1')).toEqual(signals.lookup('1.1.1.1'));
  });

  it('loads nothing until asked, then starts on the first lookup', async () => {
    const background = new BackgroundNetworkSignals({ cacheDirectory: directory });
    expect(background.lookup('1.1.1.1')).toBeUndefined();
    const deadline = Date.now() + 30_000;
    while (background.lookup('1.1.1.1') === undefined && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(background.lookup('1.1.1.1')?.asn).toBe(13335);
  });

  it('answers nothing until background loading is ready', async () => {
    const background = new BackgroundNetworkSignals({ cacheDirectory: directory });
    expect(background.lookup('1.1.1.1')).toBeUndefined();
    await background.ready;
    expect(background.lookup('1.1.1.1')?.asn).toBe(13335);
  });
});
