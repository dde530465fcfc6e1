/**
 * The playground's text in the URL fragment, so that a link is an exercise:
 * `#yaml=` and the text percent-encoded (readable, and never sent to a
 * server: a fragment stays in the browser), or `#example=` and the name of a
 * shipped derivation (`teaching/sign-slip`).
 */

/** what a fragment asks for */
type FragmentRequest =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'example'; readonly name: string }
  | { readonly kind: 'none' };

/** the fragment (with its `#`) that carries `text` */
export function textFragment(text: string): string {
  return `#yaml=${encodeURIComponent(text)}`;
}

/** what `hash` (`location.hash`, with or without `#`) asks for; a fragment that cannot be decoded asks for nothing */
export function readFragment(hash: string): FragmentRequest {
  const h = hash.startsWith('#') ? hash.slice(1) : hash;
  try {
    if (h.startsWith('yaml=')) return { kind: 'text', text: decodeURIComponent(h.slice(5)) };
    if (h.startsWith('example=')) return { kind: 'example', name: decodeURIComponent(h.slice(8)) };
  } catch {
    // a malformed %-escape: fall through to the default text
  }
  return { kind: 'none' };
}
