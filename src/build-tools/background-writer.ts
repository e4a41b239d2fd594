/**
 * Writes files on another thread, so that at national scale (thousands of index files) the
 * disk works while the main thread goes on computing the index. The thread is
 * background-writer-thread.ts, started from its file.
 */
import { Worker } from 'node:worker_threads';
import type { FromWriterThread, ToWriterThread } from './background-writer-thread.ts';

export class BackgroundWriter {
  private readonly worker = new Worker(new URL('./background-writer-thread.ts', import.meta.url));
  private error: string | undefined;
  files = 0;
  bytes = 0;

  constructor() {
    this.worker.on('message', (m: FromWriterThread) => {
      if ('error' in m) this.error ??= m.error;
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
      this.send({ path, data }, [data.buffer]);
    } else this.send({ path, data });
  }

  /** Waits until every queued file is written, then stops the thread. */
  async finish(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      const onMessage = (m: FromWriterThread) => {
        if (!('done' in m)) return;
        this.worker.off('message', onMessage);
        resolve();
      };
      this.worker.on('message', onMessage);
      this.worker.once('error', reject);
      this.send({ done: true });
    });
    await this.worker.terminate();
    if (this.error) throw new Error(`writing the index: ${this.error}`);
  }

  private send(message: ToWriterThread, transfer?: ArrayBuffer[]): void {
    this.worker.postMessage(message, transfer);
  }
}
