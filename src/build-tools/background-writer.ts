/**
 * Writes files on another thread, so that at national scale (thousands of index files) the
 * disk works while the main thread goes on computing the index. The thread's code is a few
 * lines of plain JavaScript given inline, so it needs no file of its own to be found at run
 * time (the build runs these modules through Vite).
 */
import { Worker } from 'node:worker_threads';

const THREAD = `
const { parentPort } = require('node:worker_threads');
const { mkdirSync, writeFileSync } = require('node:fs');
const { dirname } = require('node:path');
const made = new Set();
parentPort.on('message', (m) => {
  if (m.done) return parentPort.postMessage({ done: true });
  try {
    const dir = dirname(m.path);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    writeFileSync(m.path, m.data);
  } catch (error) {
    parentPort.postMessage({ error: String(error && error.message || error) });
  }
});
`;

export class BackgroundWriter {
  private readonly worker = new Worker(THREAD, { eval: true });
  private error: string | undefined;
  files = 0;
  bytes = 0;

  constructor() {
    this.worker.on('message', (m: { error?: string }) => {
      if (m.error) this.error ??= m.error;
    });
  }

  /**
   * Queues a file. `transfer` hands the bytes' buffer to the thread (the caller must not use
   * them again); otherwise they are copied.
   */
  write(path: string, data: Uint8Array, transfer = false): void {
    this.files++;
    this.bytes += data.length;
    if (transfer && data.byteOffset === 0 && data.byteLength === data.buffer.byteLength && data.buffer instanceof ArrayBuffer) {
      this.worker.postMessage({ path, data }, [data.buffer]);
    } else this.worker.postMessage({ path, data });
  }

  /** Waits until every queued file is written, then stops the thread. */
  async finish(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      const onMessage = (m: { done?: boolean }) => {
        if (!m.done) return;
        this.worker.off('message', onMessage);
        resolve();
      };
      this.worker.on('message', onMessage);
      this.worker.once('error', reject);
      this.worker.postMessage({ done: true });
    });
    await this.worker.terminate();
    if (this.error) throw new Error(`writing the index: ${this.error}`);
  }
}
