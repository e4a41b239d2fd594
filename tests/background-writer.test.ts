/**
 * The background writer starts its thread from background-writer-thread.ts (a real module, not
 * code held in a string): every file it is given lands whole, folders made on the way, and a
 * write that fails is reported when it finishes rather than lost.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BackgroundWriter } from '../src/build-tools/background-writer.ts';

const folders: string[] = [];
function tempFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'background-writer-'));
  folders.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const bytes = (text: string) => new TextEncoder().encode(text);

describe('BackgroundWriter', () => {
  it('writes every file into folders it makes, copied or handed over', async () => {
    const dir = tempFolder();
    const writer = new BackgroundWriter();
    const kept = bytes('kept by the caller');
    const handed = bytes('handed to the thread');
    writer.write(join(dir, 'a/b/c/copied.txt'), kept);
    writer.write(join(dir, 'a/b/c/handed.txt'), handed, true);
    for (let i = 0; i < 200; i++) writer.write(join(dir, `shard-${i % 7}`, `${i}.json`), bytes(`{"n":${i}}`));
    await writer.finish();

    expect(readFileSync(join(dir, 'a/b/c/copied.txt'), 'utf8')).toBe('kept by the caller');
    expect(readFileSync(join(dir, 'a/b/c/handed.txt'), 'utf8')).toBe('handed to the thread');
    for (let i = 0; i < 200; i++) expect(readFileSync(join(dir, `shard-${i % 7}`, `${i}.json`), 'utf8')).toBe(`{"n":${i}}`);
    expect(writer.files).toBe(202);
    expect(writer.bytes).toBe(kept.length + 'handed to the thread'.length + Array.from({ length: 200 }, (_, i) => `{"n":${i}}`.length).reduce((a, b) => a + b));
    // a copy leaves the caller its bytes; a hand-over leaves it none
    expect(new TextDecoder().decode(kept)).toBe('kept by the caller');
    expect(handed.byteLength).toBe(0);
  });

  it('reports the first write that failed when it finishes, having written the others', async () => {
    const dir = tempFolder();
    writeFileSync(join(dir, 'file'), 'a file, not a folder');
    const writer = new BackgroundWriter();
    writer.write(join(dir, 'before.txt'), bytes('before'));
    writer.write(join(dir, 'file', 'inside.txt'), bytes('cannot be written'));
    writer.write(join(dir, 'after.txt'), bytes('after'));
    await expect(writer.finish()).rejects.toThrow(/^writing the index: .*(ENOTDIR|EEXIST)/);
    expect(readFileSync(join(dir, 'before.txt'), 'utf8')).toBe('before');
    expect(readFileSync(join(dir, 'after.txt'), 'utf8')).toBe('after');
  });
});
