import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Header } from 'tar';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { unpackTemplate } from './pglite-template.js';

const tarTypes = { '0': 'File', '2': 'SymbolicLink', '5': 'Directory' } as const;

/** One tar entry (node-tar's header encoder) and its data, padded to 512-byte blocks. */
function tarEntry(name: string, type: keyof typeof tarTypes, data = '', mode = type === '5' ? 0o750 : 0o600): Buffer {
  const header = Buffer.alloc(512);
  const linkpath = type === '2' ? '/etc/passwd' : undefined;
  new Header({ path: name, type: tarTypes[type], mode, size: Buffer.byteLength(data), mtime: new Date(Date.UTC(2026, 0, 1)), linkpath }).encode(header, 0);
  const body = Buffer.alloc(Math.ceil(Buffer.byteLength(data) / 512) * 512);
  body.write(data);
  return Buffer.concat([header, body]);
}

const archiveOf = (...entries: Buffer[]) => gzipSync(Buffer.concat([...entries, Buffer.alloc(1024)]));

describe('unpackTemplate', () => {
  let folder: string;
  let dataPath: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'sentra-template-'));
    dataPath = join(folder, 'pgdata');
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  const write = (archive: Buffer) => {
    const path = join(folder, 'template.tar.gz');
    writeFileSync(path, archive);
    return path;
  };

  it('writes the folders and files of a PGlite dump (absolute names) under the data folder, with their modes', async () => {
    const archive = write(archiveOf(tarEntry('/base', '5'), tarEntry('/base/1', '5'), tarEntry('/base/1/1259', '0', 'relation'), tarEntry('/PG_VERSION', '0', '17\n')));
    await unpackTemplate(archive, dataPath, true);
    expect(readFileSync(join(dataPath, 'PG_VERSION'), 'utf8')).toBe('17\n');
    expect(readFileSync(join(dataPath, 'base/1/1259'), 'utf8')).toBe('relation');
    expect(statSync(join(dataPath, 'base/1/1259')).mode & 0o777).toBe(0o600);
    expect(statSync(join(dataPath, 'base')).mode & 0o777).toBe(0o750);
    expect(readdirSync(folder).sort()).toEqual(['pgdata', 'template.tar.gz']);
  });

  it('skips links', async () => {
    await unpackTemplate(write(archiveOf(tarEntry('/PG_VERSION', '0', '17\n'), tarEntry('/escape', '2'))), dataPath, false);
    expect(readdirSync(dataPath)).toEqual(['PG_VERSION']);
  });

  it('refuses a name that climbs out of the data folder, and writes nothing', async () => {
    const archive = write(archiveOf(tarEntry('/PG_VERSION', '0', '17\n'), tarEntry('../outside', '0', 'x')));
    await expect(unpackTemplate(archive, dataPath, false)).rejects.toThrow(/could not be unpacked/);
    expect(existsSync(join(folder, 'outside'))).toBe(false);
    expect(existsSync(dataPath)).toBe(false);
    expect(readdirSync(folder)).toEqual(['template.tar.gz']);
  });

  it('leaves no data folder that looks like a cluster when the archive is cut short', async () => {
    const whole = archiveOf(tarEntry('/PG_VERSION', '0', '17\n'), tarEntry('/big', '0', 'y'.repeat(100_000)));
    const archive = write(whole.subarray(0, whole.length - 200));
    await expect(unpackTemplate(archive, dataPath, false)).rejects.toThrow();
    expect(existsSync(join(dataPath, 'PG_VERSION'))).toBe(false);
    expect(readdirSync(folder)).toEqual(['template.tar.gz']);
  });

  it('removes what a start killed while unpacking left behind', async () => {
    mkdirSync(join(folder, 'pgdata.unpacking-999999/base'), { recursive: true });
    writeFileSync(join(folder, 'pgdata.unpacking-999999/base/half'), 'x');
    await unpackTemplate(write(archiveOf(tarEntry('/PG_VERSION', '0', '17\n'))), dataPath, false);
    expect(readdirSync(folder).sort()).toEqual(['pgdata', 'template.tar.gz']);
  });

  it('replaces a data folder left without PG_VERSION by an earlier start', async () => {
    mkdirSync(join(dataPath, 'base'), { recursive: true });
    writeFileSync(join(dataPath, 'base/leftover'), 'x');
    await unpackTemplate(write(archiveOf(tarEntry('/PG_VERSION', '0', '17\n'))), dataPath, false);
    expect(readdirSync(dataPath)).toEqual(['PG_VERSION']);
  });
});
