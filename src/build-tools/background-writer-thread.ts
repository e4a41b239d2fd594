/**
 * The thread a BackgroundWriter starts: it writes each file it is sent, making the file's
 * folder first, and answers `done` once every file sent before that is written (a thread's
 * messages arrive in the order they were sent). A failed write is reported and the thread goes
 * on; the writer throws the first failure when it finishes.
 *
 * Node runs this file as it stands, types stripped, from its path next to background-writer.ts:
 * the build's integrations, the scripts and the tests all load src/ as files (the pages' Vite
 * bundle never reaches here), so there is a file to start.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parentPort } from 'node:worker_threads';

/** What the writer sends: a file to write, or `done` once it has queued the last. */
export type ToWriterThread = { readonly path: string; readonly data: Uint8Array } | { readonly done: true };

/** What the thread answers: a write that failed, or that everything sent before `done` is written. */
export type FromWriterThread = { readonly error: string } | { readonly done: true };

const port = parentPort;
if (!port) throw new Error('background-writer-thread.ts runs as a BackgroundWriter\'s thread, not imported');
// Folders made already: thousands of index files share a few dozen folders.
const made = new Set<string>();
const answer = (message: FromWriterThread) => port.postMessage(message);
port.on('message', (message: ToWriterThread) => {
  if ('done' in message) return answer({ done: true });
  try {
    const dir = dirname(message.path);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    writeFileSync(message.path, message.data);
  } catch (error) {
    answer({ error: error instanceof Error ? error.message : String(error) });
  }
});
