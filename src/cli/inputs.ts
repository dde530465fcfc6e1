/**
 * What `verify` arguments name: a file as given; a directory as the
 * `*.yaml` / `*.yml` files in it (with `recursive`, every one below it, as
 * `grep -r` does: derivations/ keeps its must-fail examples in
 * derivations/wrong/, which a plain `verify derivations/` leaves out); a
 * glob as the files it matches. Each
 * argument expands in place, its files sorted, so the report follows the
 * order of the arguments. An argument that names no derivation file (an
 * empty directory, a glob matching nothing) becomes an input problem to
 * report, not a silent success.
 */
import { readdirSync, statSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { MAX_WALK_ENTRIES, byCodeUnit, expandGlob, isGlob } from './glob.js';
import { unreadableReason } from '../derivation/read-file.js';

/** the file names a directory contributes */
const DERIVATION_FILE = /\.ya?ml$/;

/** directories a directory walk skips: version control and tool state (.git, .github's workflows), and installed packages */
const SKIPPED_DIRECTORY = (name: string): boolean => name.startsWith('.') || name === 'node_modules';

/** One input of the run: a file to check, or an argument that names none (with why). */
export type Input =
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'none'; readonly arg: string; readonly message: string };

/** The inputs named by `args`, in argument order; a directory's and a glob's files sorted by code unit. */
export function expandInputs(args: readonly string[], recursive = false): Input[] {
  return args.flatMap((arg) => expandOne(arg, recursive));
}

function expandOne(arg: string, recursive: boolean): Input[] {
  const kind = pathKind(arg);
  if (kind === 'directory') return directoryInputs(arg, recursive);
  // an existing file whose name contains * or ? is that file, not a pattern
  if (kind === 'other' && isGlob(arg)) {
    const r = expandGlob(arg);
    if (!r.ok) return [{ kind: 'none', arg, message: r.message }];
    if (r.files.length === 0)
      return [{ kind: 'none', arg, message: `no file matches ${arg}; check the pattern (supported: * ? **)` }];
    return r.files.map((path) => ({ kind: 'file', path }));
  }
  // a file, or a path that cannot be read: the checker reports the latter
  return [{ kind: 'file', path: arg }];
}

/** 'directory', 'file', or 'other' (missing, unreadable, special) */
function pathKind(path: string): 'directory' | 'file' | 'other' {
  try {
    const s = statSync(path);
    return s.isDirectory() ? 'directory' : s.isFile() ? 'file' : 'other';
  } catch {
    return 'other';
  }
}

/** every *.yaml / *.yml in `dir` (below it, when recursive; not following links to directories), sorted */
function directoryInputs(dir: string, recursive: boolean): Input[] {
  const found: string[] = [];
  let entries = 0;
  const stack = [''];
  while (stack.length > 0) {
    const rel = stack.pop()!;
    let list: Dirent[];
    try {
      list = readdirSync(join(dir, rel), { withFileTypes: true });
    } catch (err) {
      return [
        {
          kind: 'none',
          arg: dir,
          message: `cannot read the directory ${join(dir, rel)}: ${unreadableReason(err)}`,
        },
      ];
    }
    entries += list.length;
    if (entries > MAX_WALK_ENTRIES) {
      return [
        {
          kind: 'none',
          arg: dir,
          message: `the directory ${dir} has more than ${MAX_WALK_ENTRIES} entries below it (limit MAX_WALK_ENTRIES); name a smaller directory`,
        },
      ];
    }
    for (const e of list) {
      const path = rel === '' ? e.name : join(rel, e.name);
      if (e.isDirectory()) {
        if (recursive && !SKIPPED_DIRECTORY(e.name)) stack.push(path);
      } else if (
        DERIVATION_FILE.test(e.name) &&
        (e.isFile() || (e.isSymbolicLink() && pathKind(join(dir, path)) === 'file'))
      ) {
        found.push(join(dir, path));
      }
    }
  }
  if (found.length === 0)
    return [
      {
        kind: 'none',
        arg: dir,
        message: `the directory ${dir} has no derivation files (*.yaml, *.yml) ${recursive ? 'below' : 'in'} it${recursive ? '' : '; use --recursive to look in its subdirectories'}`,
      },
    ];
  return found.sort(byCodeUnit).map((path) => ({ kind: 'file', path }));
}
