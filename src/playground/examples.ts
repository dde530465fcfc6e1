/**
 * The playground's menu: the shipped derivations and the exercises with a
 * planted mistake, embedded in the page as JSON (page.ts) when it is built.
 */

export interface Example {
  /** `softplus` or `teaching/sign-slip`: the file's path under derivations/, without `.yaml` */
  readonly name: string;
  /** the menu group */
  readonly group: 'derivations' | 'exercises';
  /** the derivation's `title:`, or its name */
  readonly title: string;
  readonly text: string;
}

/** the `title:` of a derivation's text (quotes removed), or undefined */
export function titleOf(text: string): string | undefined {
  const m = /^title:[ \t]*(.*?)[ \t]*$/m.exec(text);
  if (m === null || m[1] === '') return undefined;
  const t = m[1]!;
  return /^(['"]).*\1$/.test(t) ? t.slice(1, -1) : t;
}
