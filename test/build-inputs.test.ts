import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repository } from './support/run-cli.js';

const script = join(repository, 'scripts', 'build-inputs.mjs');

/**
 * A project shaped like this one, whose build only counts itself: `npm run build` appends a line to
 * builds.log and records its inputs as the real build does, and `dist/cli/main.js prepare` appends
 * to prepared.log.
 */
function fakeProject(): string {
  const root = mkdtempSync(join(tmpdir(), 'sentra-build-inputs-'));
  const build = `node -e "require('fs').appendFileSync('builds.log', 'built\\\\n')" && node -e "require('fs').mkdirSync('dist/cli', { recursive: true }); require('fs').mkdirSync('console/dist', { recursive: true }); require('fs').writeFileSync('dist/cli/main.js', 'require(\\"fs\\").appendFileSync(\\"prepared.log\\", process.argv[2] + \\"\\\\\\\\n\\")'); require('fs').writeFileSync('console/dist/index.html', '<html>')" && node ${JSON.stringify(script)} record .`;
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'fake', version: '1.0.0', private: true, scripts: { build } }, null, 2));
  writeFileSync(join(root, 'package-lock.json'), '{}');
  mkdirSync(join(root, 'src'));
  writeFileSync(join(root, 'src', 'a.ts'), 'export const a = 1;\n');
  mkdirSync(join(root, 'console', 'src'), { recursive: true });
  writeFileSync(join(root, 'console', 'src', 'page.tsx'), 'export const page = 1;\n');
  return root;
}

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

function prepare(root: string) {
  const result = spawnSync(process.execPath, [script, 'prepare', root], { cwd: root, encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
}
const count = (root: string, log: string) => {
  try {
    return readFileSync(join(root, log), 'utf8').trim().split('\n').length;
  } catch {
    return 0;
  }
};

describe("npm's prepare (scripts/build-inputs.mjs)", () => {
  it('builds a new checkout, then only prepares until a source changes, and builds again when one does', () => {
    const root = fakeProject();
    roots.push(root);
    prepare(root);
    expect(count(root, 'builds.log')).toBe(1);
    // Unchanged sources (npm install again, or the first npx sentra of the checkout): no build.
    expect(prepare(root)).toContain('not rebuilt');
    expect(prepare(root)).toContain('not rebuilt');
    expect([count(root, 'builds.log'), count(root, 'prepared.log')]).toEqual([1, 2]);
    // A source file changes: built again, once.
    writeFileSync(join(root, 'src', 'a.ts'), 'export const a = 2;\n');
    prepare(root);
    prepare(root);
    expect(count(root, 'builds.log')).toBe(2);
    // So do the console's sources and the locked dependencies.
    writeFileSync(join(root, 'console', 'src', 'page.tsx'), 'export const page = 2;\n');
    prepare(root);
    writeFileSync(join(root, 'package-lock.json'), '{"lockfileVersion": 3}');
    prepare(root);
    expect(count(root, 'builds.log')).toBe(4);
    // A build whose output is gone is made again, whatever the record says.
    rmSync(join(root, 'console', 'dist'), { recursive: true });
    prepare(root);
    expect(count(root, 'builds.log')).toBe(5);
  });
});
