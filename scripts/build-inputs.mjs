#!/usr/bin/env node
// What the build turns into dist/ and console/dist/, as one digest, so that `npm install` builds only
// when something changed since the last build.
//
//   node scripts/build-inputs.mjs record    # after a build: keeps the digest in dist/.build-inputs
//   node scripts/build-inputs.mjs prepare   # npm's `prepare`: builds when the inputs changed, else
//                                           # only `sentra prepare` (the caches of a fast start)
//   node scripts/build-inputs.mjs prepare DIR   # the same for the project in DIR (tests)
//
// npm runs `prepare` on every `npm install`, and also on the first `npx sentra …` in a checkout: npx
// installs the checkout into its own cache, which runs the package's `prepare`. That rebuilt
// everything (4-5 s before the command's own work), and emptied and rewrote console/dist/ and dist/
// under a server that may have been running from them.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = process.argv[3] ?? join(import.meta.dirname, '..');
const recordFile = join(root, 'dist', '.build-inputs');
/** The build's inputs: its sources and configuration, and the locked dependencies it compiles against. */
const inputs = ['src', 'console', 'tsconfig.json', 'tsconfig.build.json', 'package.json', 'package-lock.json'];
const skipped = new Set(['node_modules', 'dist']);

/** The files under `path` (or `path` itself), in a fixed order. */
function files(path) {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .filter((name) => !skipped.has(name))
    .sort()
    .flatMap((name) => files(join(path, name)));
}

function digest() {
  const hash = createHash('sha256');
  for (const file of inputs.flatMap((input) => files(join(root, input)))) {
    hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const mode = process.argv[2];
if (mode === 'record') {
  writeFileSync(recordFile, `${digest()}\n`);
} else if (mode === 'prepare') {
  const built = existsSync(recordFile) && existsSync(join(root, 'dist', 'cli', 'main.js')) && existsSync(join(root, 'console', 'dist', 'index.html'));
  if (built && readFileSync(recordFile, 'utf8').trim() === digest()) {
    console.log('dist/ and console/dist/ are up to date with the sources: not rebuilt');
    run(process.execPath, [join(root, 'dist', 'cli', 'main.js'), 'prepare']);
  } else {
    run('npm', ['run', 'build']);
  }
} else {
  console.error('usage: node scripts/build-inputs.mjs record|prepare');
  process.exit(2);
}
