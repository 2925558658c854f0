import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.js';
import { routesOf } from './support/route-harness.js';

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

/** `GET /v1/x`, `POST / GET /v1/x` (several methods on one path): every method and path a page names. */
const routeMention = /\b((?:GET|POST|PUT|PATCH|DELETE)(?:\s*\/\s*(?:GET|POST|PUT|PATCH|DELETE))*)\s+`?(\/[A-Za-z0-9_/{}:.*-]*)/g;
/** A path with its parameters made anonymous: `/v1/cases/{id}` and `/v1/cases/:case_id` are the same route. */
const normalizedPath = (path: string) => path.replace(/[.,]+$/, '').replace(/\{[^}]*\}|:[A-Za-z0-9_]+/g, '{}');

describe('the docs and the README name only routes the server has', () => {
  let sentra: TestApp;
  beforeAll(async () => {
    sentra = await startTestApp('pglite');
  });
  afterAll(async () => {
    await sentra.close();
  });

  it('finds every METHOD /path they mention in the route table', () => {
    const served = new Set(routesOf(sentra.app).map((route) => `${route.method} ${normalizedPath(route.url)}`));
    const pages = [...readdirSync(join(root, 'docs')).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`), 'README.md'];
    const missing: string[] = [];
    let mentions = 0;
    for (const page of pages) {
      const lines = readFileSync(join(root, page), 'utf8').split('\n');
      lines.forEach((line, index) => {
        for (const [, methods, path] of line.matchAll(routeMention)) {
          for (const method of methods!.split('/').map((name) => name.trim())) {
            mentions += 1;
            const route = `${method} ${normalizedPath(path!)}`;
            if (!served.has(route)) missing.push(`${page}:${index + 1}: ${route}`);
          }
        }
      });
    }
    expect(mentions).toBeGreaterThan(50);
    expect(missing, 'routes named in the docs that the server does not have').toEqual([]);
  });
});
