/**
 * Contributed files are read only when they are regular files inside their folder: every
 * other thing at a data path (a folder, a pipe, a link out of the repository, a file too
 * large, a file that cannot be read, a stray file next to the data) is a diagnostic with its
 * code, file and line, never a stack trace, a hang or a silently skipped file. And redirect
 * chains of any length are walked without recursion.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listDataFolder, MAX_DATA_FILE_BYTES, readDataFile, type DataFs } from '../src/domain/data-files.ts';
import { DiagnosticList } from '../src/domain/diagnostics.ts';
import { loadDataset } from '../src/domain/load.ts';
import { Registry } from '../src/domain/model.ts';
import { checkDataset } from '../src/domain/pipeline.ts';
import { MAX_REDIRECT_CHAIN } from '../src/domain/redirects.ts';
import { validateDataset } from '../src/domain/validate.ts';
import { destinationsJson } from '../src/downloads/json-api.ts';
import { destinationViews } from '../src/site/views/destinations.ts';
import { CHANNEL_HEADER, channelRow, TODAY, writeDataset } from './helpers/dataset.ts';

const GOOD_CSV = `${CHANNEL_HEADER}\n${channelRow({ id: 'a', name: '荣成公安' })}\n`;
const NOTICE = '---\ntitle: 关于停止运营的公告\nchannels: [a]\nannounced: 2024-08-14\nissuer: 荣成市公安局\nlang: zh\n---\n\n本账号停止更新。\n';

/** A dataset with one good channel file, then `arrange` makes the odd thing under test. */
function dataset(arrange: (root: string) => void, files: Record<string, string> = {}) {
  const folders = writeDataset({ 'data/channels/good.csv': GOOD_CSV, ...files });
  arrange(folders.root);
  return folders;
}

function check(folders: { dataDir: string; contentDir: string }, options: Parameters<typeof loadDataset>[2] = {}) {
  const diagnostics = new DiagnosticList();
  const loaded = loadDataset(folders, diagnostics, options);
  return { diagnostics, loaded };
}

/** The problems as `code file:line` with the file relative to the dataset root. */
function problems(diagnostics: DiagnosticList, root: string): string[] {
  return diagnostics.sorted().map((d) => `${d.severity} ${d.code} ${d.file.replace(`${root}/`, '')}:${d.line}`);
}

describe('what is at a data path', () => {
  it('reports a folder named x.csv in data/channels/ and still reads the other files', () => {
    const { root, ...folders } = dataset((r) => mkdirSync(join(r, 'data/channels/x.csv')));
    const { diagnostics, loaded } = check(folders);
    expect(problems(diagnostics, root)).toEqual(['error FILE_NOT_REGULAR data/channels/x.csv:1']);
    expect(diagnostics.items[0]!.message).toMatch(/is a folder/);
    expect(loaded.channels.map((c) => c.id)).toEqual(['a']);
  });

  it('reports a file where data/channels/ belongs (and not also that the channels are missing)', () => {
    const { root, ...folders } = writeDataset({});
    rmSync(join(root, 'data/channels'), { recursive: true });
    writeFileSync(join(root, 'data/channels'), GOOD_CSV);
    expect(problems(check(folders).diagnostics, root)).toEqual(['error FILE_NOT_FOLDER data/channels:1']);
  });

  it('reports a file where content/notices/ belongs', () => {
    const { root, ...folders } = dataset((r) => {
      mkdirSync(join(r, 'content'));
      writeFileSync(join(r, 'content/notices'), NOTICE);
    });
    expect(problems(check(folders).diagnostics, root)).toEqual(['error FILE_NOT_FOLDER content/notices:1']);
  });

  it('never reads a channel file that is a link to /dev/zero (it would read forever)', () => {
    const { root, ...folders } = dataset((r) => symlinkSync('/dev/zero', join(r, 'data/channels/zero.csv')));
    const { diagnostics } = check(folders);
    expect(problems(diagnostics, root)).toEqual(['error FILE_OUTSIDE_DATA data/channels/zero.csv:1']);
  });

  it('never opens a named pipe (it would wait for a writer forever), in data/ or content/', () => {
    const { root, ...folders } = dataset((r) => {
      execFileSync('mkfifo', [join(r, 'data/channels/pipe.csv')]);
      mkdirSync(join(r, 'content/notices'), { recursive: true });
      execFileSync('mkfifo', [join(r, 'content/notices/pipe.md')]);
    });
    const { diagnostics } = check(folders);
    expect(problems(diagnostics, root)).toEqual(['error FILE_NOT_REGULAR content/notices/pipe.md:1', 'error FILE_NOT_REGULAR data/channels/pipe.csv:1']);
    expect(diagnostics.items[0]!.message).toMatch(/named pipe/);
  });

  it('refuses a link to a file outside the data folder, and reads one to a file inside it', () => {
    const outside = mkdtempSync(join(tmpdir(), 'outside-'));
    writeFileSync(join(outside, 'secret.csv'), `${CHANNEL_HEADER}\n${channelRow({ id: 'leaked', name: '外部文件' })}\n`);
    const { root, ...folders } = dataset(
      (r) => {
        symlinkSync(join(outside, 'secret.csv'), join(r, 'data/channels/leak.csv'));
        symlinkSync('../shared/b.csv', join(r, 'data/channels/b.csv'));
      },
      { 'data/shared/b.csv': `${CHANNEL_HEADER}\n${channelRow({ id: 'b', name: '威海公安' })}\n` },
    );
    const { diagnostics, loaded } = check(folders);
    expect(problems(diagnostics, root)).toEqual(['error FILE_OUTSIDE_DATA data/channels/leak.csv:1']);
    expect(loaded.channels.map((c) => c.id).sort()).toEqual(['a', 'b']);
  });

  it('refuses a data/channels/ folder that is a link out of the data folder', () => {
    const outside = mkdtempSync(join(tmpdir(), 'outside-'));
    writeFileSync(join(outside, 'x.csv'), GOOD_CSV);
    const { root, ...folders } = writeDataset({});
    rmSync(join(root, 'data/channels'), { recursive: true });
    symlinkSync(outside, join(root, 'data/channels'));
    const { diagnostics, loaded } = check(folders);
    expect(problems(diagnostics, root)).toEqual(['error FILE_OUTSIDE_DATA data/channels:1']);
    expect(loaded.channels).toEqual([]);
  });

  it('refuses a file over the size limit before reading it (GitHub refuses files over 100 MB)', () => {
    expect(MAX_DATA_FILE_BYTES).toBe(100 * 1024 * 1024);
    const big = `${CHANNEL_HEADER}\n${channelRow({ id: 'big', name: '大文件', notes: '很长的说明'.repeat(20) })}\n`;
    const { root, ...folders } = dataset(() => {}, { 'data/channels/big.csv': big });
    const { diagnostics, loaded } = check(folders, { maxBytes: Buffer.byteLength(GOOD_CSV) });
    expect(problems(diagnostics, root)).toEqual(['error FILE_TOO_LARGE data/channels/big.csv:1']);
    expect(loaded.channels.map((c) => c.id)).toEqual(['a']);
  });

  it('reports a link that leads nowhere and a link to itself, as unreadable', () => {
    const { root, ...folders } = dataset((r) => {
      symlinkSync('gone.csv', join(r, 'data/channels/dangling.csv'));
      symlinkSync('loop.csv', join(r, 'data/channels/loop.csv'));
    });
    expect(problems(check(folders).diagnostics, root)).toEqual(['error FILE_UNREADABLE data/channels/dangling.csv:1', 'error FILE_UNREADABLE data/channels/loop.csv:1']);
  });

  it('turns a failing read (EIO) and a folder that cannot be listed (EACCES) into diagnostics', () => {
    // as root, chmod 000 stops nothing, so the file system is made to fail instead
    const fail = (code: string) => () => {
      throw Object.assign(new Error(`${code}: simulated`), { code });
    };
    const { root, ...folders } = dataset(() => {}, { 'content/notices/n.md': NOTICE });
    const eio: DataFs = { ...fs, openSync: fail('EIO') };
    expect(problems(check(folders, { fs: eio }).diagnostics, root)).toEqual([
      'error FILE_UNREADABLE content/notices/n.md:1',
      'error FILE_UNREADABLE data/channels/good.csv:1',
      'error FILE_UNREADABLE data/sources.csv:1',
    ]);
    const eacces: DataFs = { ...fs, readdirSync: fail('EACCES') as DataFs['readdirSync'] };
    const { diagnostics } = check(folders, { fs: eacces });
    expect(problems(diagnostics, root)).toEqual(['error FILE_UNREADABLE content/notices:1', 'error FILE_UNREADABLE data/channels:1']);
    expect(diagnostics.items[0]!.message).toMatch(/permission denied \(EACCES\)/);
  });

  it('reads a file as a whole, and reports one that is not there as missing', () => {
    const { root } = dataset(() => {});
    const diagnostics = new DiagnosticList();
    const read = readDataFile(join(root, 'data/channels/good.csv'), join(root, 'data'), diagnostics);
    expect(read.status === 'read' && new TextDecoder().decode(read.bytes)).toBe(GOOD_CSV);
    expect(readDataFile(join(root, 'data/none.csv'), join(root, 'data'), diagnostics)).toEqual({ status: 'missing' });
    expect(diagnostics.items).toEqual([]);
  });
});

describe('what is in data/channels/ and content/notices/', () => {
  it('reports every entry that is not a .csv file, so no rows are skipped without a word', () => {
    const { root, ...folders } = dataset(
      (r) => {
        mkdirSync(join(r, 'data/channels/2024'));
        writeFileSync(join(r, 'data/channels/2024/more.csv'), GOOD_CSV);
      },
      {
        'data/channels/x.tsv': GOOD_CSV.replace(/,/g, '\t'),
        'data/channels/y.csv.bak': GOOD_CSV,
        'data/channels/z.csv ': GOOD_CSV,
      },
    );
    const { diagnostics } = check(folders);
    expect(problems(diagnostics, root)).toEqual([
      'error FILE_UNEXPECTED data/channels/2024:1',
      'error FILE_UNEXPECTED data/channels/x.tsv:1',
      'error FILE_UNEXPECTED data/channels/y.csv.bak:1',
      'error FILE_UNEXPECTED data/channels/z.csv :1',
    ]);
    const messages = diagnostics.sorted().map((d) => d.message);
    expect(messages[0]).toMatch(/subfolder/);
    expect(messages[3]).toMatch(/ends in a space/);
  });

  it('passes over hidden files such as .gitkeep and .DS_Store in silence', () => {
    const { root, ...folders } = dataset(() => {}, { 'data/channels/.gitkeep': '', 'data/channels/.DS_Store': '\0\0', 'content/notices/.gitkeep': '' });
    expect(problems(check(folders).diagnostics, root)).toEqual([]);
  });

  it('reports a notice folder entry that is not a .md file, and a folder named like a notice', () => {
    const { root, ...folders } = dataset((r) => mkdirSync(join(r, 'content/notices/folder.md')), {
      'content/notices/n.txt': NOTICE,
      'content/notices/n.md.orig': NOTICE,
    });
    expect(problems(check(folders).diagnostics, root)).toEqual([
      'error FILE_NOT_REGULAR content/notices/folder.md:1',
      'error FILE_UNEXPECTED content/notices/n.md.orig:1',
      'error FILE_UNEXPECTED content/notices/n.txt:1',
    ]);
  });

  it('reports a file name with a line break at the folder, so the report stays one problem a line', () => {
    const { root, ...folders } = dataset(() => {}, { 'data/channels/a\nb.csv': GOOD_CSV });
    const { diagnostics } = check(folders);
    expect(problems(diagnostics, root)).toEqual(['error FILE_UNEXPECTED data/channels:1']);
    expect(diagnostics.items[0]!.message).toContain('"a\\nb.csv"');
  });

  it('lists the wanted files of a folder sorted by name', () => {
    const { root } = dataset(() => {}, { 'data/channels/b.csv': GOOD_CSV, 'data/channels/A.CSV': GOOD_CSV });
    const diagnostics = new DiagnosticList();
    const listing = listDataFolder(join(root, 'data/channels'), join(root, 'data'), { extensions: ['.csv'], what: 'channel CSV files' }, diagnostics);
    expect(listing).toEqual({ status: 'listed', files: ['A.CSV', 'b.csv', 'good.csv'].map((f) => join(root, 'data/channels', f)) });
  });
});

describe('a redirect chain 10,000 hops long', () => {
  const HOPS = 10_000;
  /** n0 → n1 → … → n10000 (live); row of n<i> on line i + 2. */
  function chain(hops: number) {
    const rows = [CHANNEL_HEADER];
    for (let i = 0; i < hops; i++) rows.push(channelRow({ id: `n${i}`, name: `账号${i}`, status: 'closed', closed: '2024-04', reason: 'merged', redirect: `n${i + 1}` }));
    rows.push(channelRow({ id: `n${hops}`, name: `账号${hops}` }));
    return writeDataset({ 'data/channels/chain.csv': `${rows.join('\n')}\n` });
  }

  it('is reported by the validator at every channel whose chain passes more than the limit, without a crash', () => {
    const { root, dataDir, contentDir } = chain(HOPS);
    const { diagnostics } = checkDataset({ dataDir, contentDir }, { today: TODAY });
    const found = problems(diagnostics, root);
    // n<i> reaches the live end through HOPS + 1 - i channels: too many for i ≤ HOPS - MAX
    const tooLong = HOPS - MAX_REDIRECT_CHAIN + 1;
    expect(found).toHaveLength(tooLong);
    expect(found[0]).toBe('error REDIRECT_CHAIN_TOO_LONG data/channels/chain.csv:2');
    expect(found.at(-1)).toBe(`error REDIRECT_CHAIN_TOO_LONG data/channels/chain.csv:${tooLong + 1}`);
  }, 60_000);

  it('is resolved by the model and the site as far as the limit: the live end found and the chain listed', () => {
    const { dataDir, contentDir } = chain(HOPS);
    const diagnostics = new DiagnosticList();
    const dataset = validateDataset(loadDataset({ dataDir, contentDir }, diagnostics), { today: TODAY }, diagnostics);
    const registry = new Registry(dataset);
    const last = `n${HOPS}`;
    const longest = `n${HOPS + 1 - MAX_REDIRECT_CHAIN}`; // exactly MAX_REDIRECT_CHAIN channels to the end
    const [destination, ...others] = registry.destinationsOf(longest);
    expect(others).toEqual([]);
    expect(destination!.endpoint).toEqual({ kind: 'channel', id: last });
    expect(destination!.chain.map((c) => c.id)).toEqual(Array.from({ length: MAX_REDIRECT_CHAIN }, (_, k) => `n${HOPS + 1 - MAX_REDIRECT_CHAIN + k}`));
    expect(registry.destinationsOf('n0')).toEqual([]);

    const views = destinationViews(registry, longest, { lang: 'zh', base: '/' });
    expect(views.map((v) => [v.href, v.via.length])).toEqual([[expect.stringContaining(`#c-${last}`), MAX_REDIRECT_CHAIN - 2]]);
    expect(destinationsJson(registry, longest)).toEqual([{ channel: last, via: destination!.chain.slice(1, -1).map((c) => c.id) }]);
  }, 60_000);
});

describe('npm run build with a file that is not a file', () => {
  it('prints the validator list, before Astro reads content/ (a pipe there would hang it)', () => {
    const { dataDir, contentDir, root } = dataset((r) => {
      mkdirSync(join(r, 'content/notices'), { recursive: true });
      execFileSync('mkfifo', [join(r, 'content/notices/pipe.md')]);
    });
    const run = spawnSync('npm', ['run', '-s', 'build'], {
      encoding: 'utf8',
      timeout: 120_000,
      env: { ...process.env, DATA_DIR: dataDir, CONTENT_DIR: contentDir, REGISTRY_TODAY: TODAY, OUT_DIR: join(root, 'site'), ASTRO_CACHE_DIR: join(root, 'cache') },
    });
    expect(run.signal).toBeNull();
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${contentDir}/notices/pipe.md:1:1: error FILE_NOT_REGULAR`);
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /); // no stack trace
  }, 150_000);
});
