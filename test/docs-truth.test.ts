import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const contributing = readFileSync(join(root, 'docs/contributing.md'), 'utf8');

describe('docs/contributing.md describes the code as it is', () => {
  it('lists exactly the folders under src/', () => {
    const listed = contributing.split('<!-- src-folders:start -->')[1]!.split('<!-- src-folders:end -->')[0]!.split(',').map((name) => name.trim()).filter(Boolean);
    const actual = readdirSync(join(root, 'src'), { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
    expect(listed.sort()).toEqual(actual.sort());
  });

  it('names only files that exist and lint rules that are configured', () => {
    const paths = [...contributing.matchAll(/`((?:src|tools|test|bench|docs)\/[A-Za-z0-9_./-]+\.(?:ts|js|md))`/g)].map((match) => match[1]!);
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths) expect(existsSync(join(root, path)), path).toBe(true);
    const eslintConfig = readFileSync(join(root, 'eslint.config.js'), 'utf8');
    for (const [, rule] of contributing.matchAll(/(no-[a-z-]+)/g)) expect(eslintConfig, rule).toContain(rule);
  });
});
