/**
 * Input problems as the library reports them: data with a stable code in the
 * result-returning functions, and one Error class for the throwing ones.
 */

/** One input problem: a stable code (`syntax`, `unknown-function`, `schema`, ...), one sentence, and where it is when known. */
export interface ApiError {
  readonly code: string;
  /** what is wrong, then what to do */
  readonly message: string;
  /** the derivation file the problem is in (for a context read from a file) */
  readonly file?: string;
  /** 1-based line in that file */
  readonly line?: number;
  /** 1-based column: in the file, or in the expression text for an expression */
  readonly column?: number;
  /** the part of the input: `expression`, `wrt`, `symbols.x`, `define.f(u)` */
  readonly location?: string;
}

/** a result object: the fields of T when ok, the input problems otherwise */
export type ApiResult<T> = ({ readonly ok: true } & T) | { readonly ok: false; readonly errors: readonly ApiError[] };

/** The error the throwing variants throw; `errors` holds every problem found. */
export class DerivcheckError extends Error {
  constructor(readonly errors: readonly ApiError[]) {
    super(errors.map(describeError).join('\n'));
    this.name = 'DerivcheckError';
  }
}

/** one problem as one line: `file:line:column: message` or `location:column: message` */
export function describeError(e: ApiError): string {
  const where =
    e.file !== undefined
      ? `${e.file}:${e.line ?? 1}:${e.column ?? 1}`
      : e.location !== undefined
        ? `${e.location}${e.column !== undefined ? `:${e.column}` : ''}`
        : '';
  return `${where ? `${where}: ` : ''}${e.message}`;
}
