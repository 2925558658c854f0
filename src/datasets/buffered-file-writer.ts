import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { once } from 'node:events';

/**
 * Writes a text file in large chunks with back-pressure, under a temporary `.partial` name that
 * {@link BufferedFileWriter.commit} renames into place, so a crash never leaves a half-written file
 * under a contract name.
 */
export class BufferedFileWriter {
  private readonly stream: WriteStream;
  private readonly partialPath: string;
  private chunks: string[] = [];
  private bufferedLength = 0;
  private failure: Error | undefined;

  constructor(
    readonly path: string,
    private readonly chunkSize = 1 << 20,
  ) {
    this.partialPath = `${path}.partial`;
    this.stream = createWriteStream(this.partialPath);
    this.stream.on('error', (error) => {
      this.failure = error;
    });
  }

  /** Appends text; resolves once the data is handed to the file when a chunk was full. */
  async write(text: string): Promise<void> {
    this.chunks.push(text);
    this.bufferedLength += text.length;
    if (this.bufferedLength >= this.chunkSize) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.failure !== undefined) throw this.failure;
    if (this.chunks.length === 0) return;
    const text = this.chunks.join('');
    this.chunks = [];
    this.bufferedLength = 0;
    if (!this.stream.write(text)) await once(this.stream, 'drain');
  }

  /** Flushes, closes and renames the file to its final name. */
  async commit(): Promise<void> {
    await this.flush();
    this.stream.end();
    await once(this.stream, 'close');
    if (this.failure !== undefined) throw this.failure;
    await rename(this.partialPath, this.path);
  }

  /** Closes and deletes the partial file (after a failure). */
  async abort(): Promise<void> {
    this.stream.destroy();
    await rm(this.partialPath, { force: true });
  }
}
