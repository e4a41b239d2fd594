/**
 * The one way contributed files are read from data/ and content/. A path in those folders is
 * whatever a pull request made it: a symbolic link (git stores them) to /dev/zero or to a file
 * outside the repository, a named pipe, a folder called x.csv, a file too large to be real.
 * Only regular files inside their folder are read, a FIFO is never opened, a file's size is
 * checked before its bytes are, and every problem becomes a diagnostic, never an exception.
 */
import * as nodeFs from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { DiagnosticList, Position } from './diagnostics.ts';

/**
 * The largest data file read: 100 MiB, the size above which GitHub refuses a file in a push,
 * so a larger one cannot have come from the repository (and the registry splits channels into
 * one file per province to stay far below it).
 */
export const MAX_DATA_FILE_BYTES = 100 * 1024 * 1024;

/** The file system calls used here; tests pass one that fails to show how errors read. */
export type DataFs = Pick<typeof nodeFs, 'lstatSync' | 'statSync' | 'realpathSync' | 'openSync' | 'fstatSync' | 'readSync' | 'closeSync' | 'readdirSync'>;

export interface DataFileOptions {
  /** Files larger than this are refused unread (default MAX_DATA_FILE_BYTES). */
  readonly maxBytes?: number;
  readonly fs?: DataFs;
}

export type DataFile =
  | { readonly status: 'read'; readonly bytes: Uint8Array }
  /** Nothing at the path (the caller says whether that is a problem). */
  | { readonly status: 'missing' }
  /** Something is there but was not read; the reason is in the diagnostics. */
  | { readonly status: 'refused' };

const MISSING: DataFile = { status: 'missing' };
const REFUSED: DataFile = { status: 'refused' };

// O_NONBLOCK: were a pipe swapped in after the checks, opening it must not wait for a writer.
// O_NOFOLLOW: the real path's last part is no link; if it became one since, refuse it.
const OPEN_FLAGS = nodeFs.constants.O_RDONLY | (nodeFs.constants.O_NONBLOCK ?? 0) | (nodeFs.constants.O_NOFOLLOW ?? 0);

/**
 * Reads a contributed file under `root` (DATA_DIR or CONTENT_DIR). A symbolic link is followed
 * only when where it leads is inside the root too; only a regular file of at most `maxBytes`
 * is read. Problems are reported at line 1 of `file`.
 */
export function readDataFile(file: string, root: string, diagnostics: DiagnosticList, options: DataFileOptions = {}): DataFile {
  const fs = options.fs ?? nodeFs;
  const maxBytes = options.maxBytes ?? MAX_DATA_FILE_BYTES;
  const at: Position = { file, line: 1, col: 1 };
  const real = realPathInside(file, root, at, diagnostics, fs);
  if (typeof real !== 'string') return real;
  try {
    // stat, not open, decides what it is: opening a FIFO would wait for a writer forever
    const found = fs.statSync(real);
    if (!isRegularFile(found, at, diagnostics) || !withinLimit(found.size, maxBytes, at, diagnostics)) return REFUSED;
    const fd = fs.openSync(real, OPEN_FLAGS);
    try {
      // the open file is what counts: it may have been replaced since the stat
      const stat = fs.fstatSync(fd);
      if (!isRegularFile(stat, at, diagnostics) || !withinLimit(stat.size, maxBytes, at, diagnostics)) return REFUSED;
      const bytes = new Uint8Array(stat.size);
      let filled = 0;
      while (filled < bytes.length) {
        const n = fs.readSync(fd, bytes, filled, bytes.length - filled, null);
        if (n === 0) break;
        filled += n;
      }
      if (filled < bytes.length || fs.readSync(fd, new Uint8Array(1), 0, 1, null) > 0) {
        diagnostics.error(at, 'FILE_UNREADABLE', `${file} changed while it was being read; run again`);
        return REFUSED;
      }
      return { status: 'read', bytes };
    } finally {
      fs.closeSync(fd);
    }
  } catch (error) {
    return unreadable(error, file, at, diagnostics);
  }
}

export type FolderListing =
  /** Paths (folder joined with name) of the entries with a wanted extension, sorted by name. */
  | { readonly status: 'listed'; readonly files: string[] }
  /** Nothing at the folder's path. */
  | { readonly status: 'missing' }
  /** Something is there but was not listed; the reason is in the diagnostics. */
  | { readonly status: 'refused' };

export interface WantedFiles {
  /** Extensions read from the folder, e.g. ['.csv'] (matched ignoring case). */
  readonly extensions: readonly string[];
  /** Extensions listed too, for the caller to refuse with its own message (notices' .mdx). */
  readonly alsoListed?: readonly string[];
  /** What belongs in the folder, for the messages ("channel CSV files"). */
  readonly what: string;
}

/**
 * The entries of a contributed folder (data/channels/, content/notices/) that look like its
 * data files; each is still read through readDataFile, which checks what it really is.
 *
 * Everything else in the folder is an error, not a skipped file: x.tsv, x.csv.bak, "x.csv "
 * (a trailing space) and a subfolder all look like rows somebody meant to publish, and
 * skipping them would lose those rows without a word. Subfolders are not read (a folder's
 * depth is the contributor's to choose, so nothing here walks it). Only hidden files are
 * passed over in silence: .gitkeep (which keeps an empty folder in git) and .DS_Store (which
 * macOS writes) are never data, and failing a build over them would help no one. A hidden
 * name with a data extension (.x.csv) is read like any other.
 */
export function listDataFolder(dir: string, root: string, wanted: WantedFiles, diagnostics: DiagnosticList, options: DataFileOptions = {}): FolderListing {
  const fs = options.fs ?? nodeFs;
  const at: Position = { file: dir, line: 1, col: 1 };
  const real = realPathInside(dir, root, at, diagnostics, fs);
  if (typeof real !== 'string') return real === MISSING ? { status: 'missing' } : { status: 'refused' };
  let entries: nodeFs.Dirent[];
  try {
    const stat = fs.statSync(real);
    if (!stat.isDirectory()) {
      diagnostics.error(at, 'FILE_NOT_FOLDER', `${dir} is ${kindOf(stat)}, but it must be a folder holding the ${wanted.what}`);
      return { status: 'refused' };
    }
    entries = fs.readdirSync(real, { withFileTypes: true });
  } catch (error) {
    unreadable(error, dir, at, diagnostics);
    return { status: 'refused' };
  }
  const files: string[] = [];
  const extensions = [...wanted.extensions, ...(wanted.alsoListed ?? [])].map((e) => e.toLowerCase());
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const name = entry.name;
    const lower = name.toLowerCase();
    if (CONTROL_CHARACTERS.test(name)) {
      // such a name would break the one-problem-a-line report, so the folder carries it
      diagnostics.error(at, 'FILE_UNEXPECTED', `${JSON.stringify(name)} in ${dir}: a file name with control characters (line breaks, tabs…) cannot be reported or linked; rename it`);
      continue;
    }
    if (extensions.some((e) => lower.endsWith(e))) {
      files.push(join(dir, name));
      continue;
    }
    if (name.startsWith('.')) continue;
    const path = join(dir, name);
    const where = { file: path, line: 1, col: 1 };
    const hint = entry.isDirectory()
      ? `a subfolder; files in subfolders are not read: move the ${wanted.what} up into ${dir}/ and remove the folder`
      : /\s$/.test(name)
        ? `its name ends in a space: remove it so the name ends in ${wanted.extensions.join(' or ')}`
        : `only ${wanted.what} (${wanted.extensions.join(', ')}) belong in ${dir}/: convert or rename it, or move it out`;
    diagnostics.error(where, 'FILE_UNEXPECTED', `${JSON.stringify(name)} is not read: ${hint}`);
  }
  return { status: 'listed', files };
}

/** True when `file` is a regular file inside `root` (no diagnostics: for optional markers). */
export function isDataFile(file: string, root: string, options: DataFileOptions = {}): boolean {
  const fs = options.fs ?? nodeFs;
  const real = realPathInside(file, root, { file, line: 1, col: 1 }, undefined, fs);
  if (typeof real !== 'string') return false;
  try {
    return fs.statSync(real).isFile();
  } catch {
    return false;
  }
}

// C0 and C1 controls, DEL, and the Unicode line and paragraph separators.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/**
 * The real path of `path` when it is inside the real path of `root`; MISSING when nothing is
 * there; REFUSED (reported) when it leads outside the root or cannot be resolved.
 */
function realPathInside(path: string, root: string, at: Position, diagnostics: DiagnosticList | undefined, fs: DataFs): string | DataFile {
  try {
    fs.lstatSync(path);
  } catch (error) {
    if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR') return MISSING;
    if (diagnostics) unreadable(error, path, at, diagnostics);
    return REFUSED;
  }
  let real: string;
  try {
    real = fs.realpathSync(path);
  } catch (error) {
    if (!diagnostics) return REFUSED;
    if (errorCode(error) === 'ENOENT') {
      diagnostics.error(at, 'FILE_UNREADABLE', `${path} is a symbolic link to nothing (its target does not exist)`);
      return REFUSED;
    }
    return unreadable(error, path, at, diagnostics);
  }
  let realRoot: string;
  try {
    realRoot = fs.realpathSync(root);
  } catch {
    realRoot = resolve(root);
  }
  const rel = relative(realRoot, real);
  if (rel.split(/[\\/]/)[0] === '..' || isAbsolute(rel)) {
    diagnostics?.error(at, 'FILE_OUTSIDE_DATA', `${path} leads outside ${root}/ (to ${real}); only files inside it are read: replace the link with the file itself`);
    return REFUSED;
  }
  return real;
}

function isRegularFile(stat: nodeFs.Stats, at: Position, diagnostics: DiagnosticList): boolean {
  if (stat.isFile()) return true;
  const hint = stat.isDirectory() ? ': a folder is not read as a file; rename or remove it' : '; only regular files are read';
  diagnostics.error(at, 'FILE_NOT_REGULAR', `${at.file} is ${kindOf(stat)}, not a regular file${hint}`);
  return false;
}

function withinLimit(size: number, maxBytes: number, at: Position, diagnostics: DiagnosticList): boolean {
  if (size <= maxBytes) return true;
  diagnostics.error(at, 'FILE_TOO_LARGE', `${at.file} is ${size} bytes, over the limit of ${maxBytes}; split it into smaller files (e.g. one per province)`);
  return false;
}

function kindOf(stat: nodeFs.Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isFile()) return 'a file';
  return 'not a file or folder';
}

const ERROR_TEXTS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'it is a folder',
  ENOTDIR: 'part of its path is not a folder',
  EIO: 'input/output error',
  ELOOP: 'too many symbolic links (a link that leads back to itself?)',
  ENAMETOOLONG: 'the name is too long',
  EMFILE: 'too many open files',
  ENXIO: 'no such device',
};

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Any file system error as FILE_UNREADABLE; anything else is a bug and is thrown on. */
function unreadable(error: unknown, path: string, at: Position, diagnostics: DiagnosticList): DataFile {
  const code = errorCode(error);
  if (!code || !(error instanceof Error)) throw error;
  diagnostics.error(at, 'FILE_UNREADABLE', `${path} cannot be read: ${ERROR_TEXTS[code] ?? 'file system error'} (${code})`);
  return REFUSED;
}
