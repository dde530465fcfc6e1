/**
 * A small glob matcher for `verify 'derivations/**\/*.yaml'`: shells expand
 * unquoted globs, but a quoted one (as CI configs often write) reaches us
 * as-is, and Node 20 has no fs.glob. Supported: `*` (any characters within
 * one path segment), `?` (one character), `**` (any number of whole
 * segments). As in a shell, `*` and `?` do not match a leading dot, and `**`
 * does not descend into dot-directories or follow symbolic links to
 * directories (which could loop).
 */
import { readdirSync, statSync, type Dirent } from 'node:fs';
import { join } from 'node:path';

/** why: a glob such as `/**` or a directory such as `/` can walk a whole disk; past this many directory entries read for one argument, the walk stops with an error */
export const MAX_WALK_ENTRIES = 200_000;

/** The characters that make an argument a glob. */
const GLOB_CHARS = /[*?]/;

/** true when `arg` contains `*` or `?` */
export function isGlob(arg: string): boolean {
  return GLOB_CHARS.test(arg);
}

/** A segment pattern as a regular expression: `*` any run of non-slash characters, `?` one, everything else literal. */
export function segmentRegExp(segment: string): RegExp {
  let source = '';
  for (const ch of segment) {
    if (ch === '*') source += '[^/]*';
    else if (ch === '?') source += '[^/]';
    else source += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 'u');
}

/** whether `name` (one path segment) matches the segment pattern `segment` */
function segmentMatches(segment: string, name: string): boolean {
  // a wildcard never matches a leading dot (as in a shell): `*` skips .git
  if (name.startsWith('.') && !segment.startsWith('.')) return false;
  return segmentRegExp(segment).test(name);
}

type GlobResult =
  | { readonly ok: true; readonly files: readonly string[] }
  | { readonly ok: false; readonly message: string };

/**
 * The files matching `pattern`, sorted by code unit (so the order does not
 * depend on the locale or the file system). Directories are never returned.
 */
export function expandGlob(pattern: string): GlobResult {
  const segments = pattern.split('/');
  // the static prefix (segments without wildcards) is where the walk starts
  let k = 0;
  while (k < segments.length - 1 && !isGlob(segments[k]!)) k++;
  const prefix = segments.slice(0, k);
  const base = prefix.length === 0 ? '.' : prefix.join('/') === '' ? '/' : prefix.join('/');
  const shown = (name: string) => (prefix.length === 0 ? name : join(base, name));
  const walker = new GlobWalk(base, segments);
  try {
    walker.walk('', k);
  } catch (err) {
    if (err instanceof GlobTooLarge) {
      return {
        ok: false,
        message: `the pattern ${pattern} walks more than ${MAX_WALK_ENTRIES} directory entries (limit MAX_WALK_ENTRIES); give a narrower pattern`,
      };
    }
    throw err;
  }
  const files = [...walker.found].map(shown).sort(byCodeUnit);
  return { ok: true, files };
}

/** one walk of the directory tree below `base`, matching `segments` one directory level each */
class GlobWalk {
  /** the matching files, relative to base */
  readonly found = new Set<string>();
  private entries = 0;

  constructor(
    private readonly base: string,
    private readonly segments: readonly string[],
  ) {}

  /** the entries of `dir` (relative to base), counted against MAX_WALK_ENTRIES */
  private list(dir: string): Dirent[] {
    let out: Dirent[];
    try {
      out = readdirSync(dir === '' ? this.base : join(this.base, dir), { withFileTypes: true });
    } catch {
      return []; // an unreadable or missing directory matches nothing, as in a shell
    }
    this.entries += out.length;
    if (this.entries > MAX_WALK_ENTRIES) throw new GlobTooLarge();
    return out;
  }

  /** a regular file, or a symbolic link to one (links to directories are never followed) */
  private isFileLike(e: Dirent, rel: string): boolean {
    if (e.isFile()) return true;
    if (!e.isSymbolicLink()) return false;
    try {
      return statSync(join(this.base, rel)).isFile();
    } catch {
      return false; // a dangling link
    }
  }

  /** rel: the path matched so far, relative to base ('' at the start); index: the segment to match next */
  walk(rel: string, index: number): void {
    const seg = this.segments[index]!;
    const last = index === this.segments.length - 1;
    if (seg === '**') {
      this.walkAnyDepth(rel, index, last);
      return;
    }
    for (const e of this.list(rel)) {
      if (!segmentMatches(seg, e.name)) continue;
      const path = rel === '' ? e.name : `${rel}/${e.name}`;
      if (last) {
        if (this.isFileLike(e, path)) this.found.add(path);
      } else if (e.isDirectory()) this.walk(path, index + 1);
    }
  }

  /** the segment at `index` is `**`: zero or more directories */
  private walkAnyDepth(rel: string, index: number, last: boolean): void {
    if (last) {
      // a trailing ** matches every file below
      for (const e of this.list(rel)) {
        if (e.name.startsWith('.')) continue;
        const path = rel === '' ? e.name : `${rel}/${e.name}`;
        if (e.isDirectory()) this.walk(path, index);
        else if (this.isFileLike(e, path)) this.found.add(path);
      }
      return;
    }
    this.walk(rel, index + 1); // ** as zero segments
    for (const e of this.list(rel))
      if (e.isDirectory() && !e.name.startsWith('.')) this.walk(rel === '' ? e.name : `${rel}/${e.name}`, index);
  }
}

/** compares strings by UTF-16 code units: the same order on every machine and locale */
export function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

class GlobTooLarge extends Error {}
