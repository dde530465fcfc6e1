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

export type GlobResult =
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
  const found = new Set<string>();
  let entries = 0;

  const list = (dir: string): Dirent[] => {
    let out: Dirent[];
    try {
      out = readdirSync(dir === '' ? base : join(base, dir), { withFileTypes: true });
    } catch {
      return []; // an unreadable or missing directory matches nothing, as in a shell
    }
    entries += out.length;
    if (entries > MAX_WALK_ENTRIES) throw new GlobTooLarge();
    return out;
  };

  // a regular file, or a symbolic link to one (links to directories are never followed)
  const isFileLike = (e: Dirent, rel: string): boolean => {
    if (e.isFile()) return true;
    if (!e.isSymbolicLink()) return false;
    try {
      return statSync(join(base, rel)).isFile();
    } catch {
      return false; // a dangling link
    }
  };

  // rel: the path matched so far, relative to base ('' at the start)
  const walk = (rel: string, index: number): void => {
    const seg = segments[index]!;
    const last = index === segments.length - 1;
    if (seg === '**') {
      if (last) {
        // a trailing ** matches every file below
        for (const e of list(rel)) {
          if (e.name.startsWith('.')) continue;
          const path = rel === '' ? e.name : `${rel}/${e.name}`;
          if (e.isDirectory()) walk(path, index);
          else if (isFileLike(e, path)) found.add(path);
        }
        return;
      }
      walk(rel, index + 1); // ** as zero segments
      for (const e of list(rel))
        if (e.isDirectory() && !e.name.startsWith('.')) walk(rel === '' ? e.name : `${rel}/${e.name}`, index);
      return;
    }
    for (const e of list(rel)) {
      if (!segmentMatches(seg, e.name)) continue;
      const path = rel === '' ? e.name : `${rel}/${e.name}`;
      if (last) {
        if (isFileLike(e, path)) found.add(path);
      } else if (e.isDirectory()) walk(path, index + 1);
    }
  };

  try {
    walk('', k);
  } catch (err) {
    if (err instanceof GlobTooLarge) {
      return {
        ok: false,
        message: `the pattern ${pattern} walks more than ${MAX_WALK_ENTRIES} directory entries (limit MAX_WALK_ENTRIES); give a narrower pattern`,
      };
    }
    throw err;
  }
  const files = [...found].map(shown).sort(byCodeUnit);
  return { ok: true, files };
}

/** compares strings by UTF-16 code units: the same order on every machine and locale */
export function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

class GlobTooLarge extends Error {}
