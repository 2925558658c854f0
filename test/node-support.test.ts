import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const readJson = (path: string) => JSON.parse(readFileSync(join(root, path), 'utf8')) as Record<string, unknown>;
const claimed = (readJson('package.json').engines as { node: string }).node;

describe('the Node.js versions Sentra claims', () => {
  it('are the ones the README states', () => {
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toContain(`\`${claimed}\``);
  });

  it('are supported by every installed package that declares the Node versions it needs', () => {
    const packages = readJson('package-lock.json').packages as Record<string, { engines?: { node?: string } | string[] }>;
    const refusing = Object.entries(packages)
      .filter(([path]) => path !== '')
      .map(([path, entry]) => ({ path, needs: Array.isArray(entry.engines) ? undefined : entry.engines?.node }))
      .filter(({ needs }) => needs !== undefined && !semver.subset(claimed, needs));
    expect(refusing).toEqual([]);
  });

  it('leave out Node versions past their end of life', () => {
    // Node 20 reached its end of life in April 2026; odd majors are never long-term supported; Node
    // 22 is not claimed because nothing runs the suite on it (CI runs Node 24).
    for (const version of ['20.19.0', '21.7.0', '22.13.0', '23.11.0']) expect(semver.satisfies(version, claimed), version).toBe(false);
    for (const version of ['24.0.0', '26.0.0']) expect(semver.satisfies(version, claimed), version).toBe(true);
  });
});
