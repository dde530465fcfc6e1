/**
 * Escaping text for XML and HTML (the JUnit and HTML reports): the one place
 * that decides how checker text (messages, expressions, file names) becomes
 * markup, so no report can be broken or injected by a `<` in a message.
 */

/**
 * Everything outside XML 1.0's `Char` production
 * (#x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]),
 * lone surrogates included: no escape can make these legal, so they are dropped.
 */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const ENTITY: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  // In attribute values a parser normalises raw tabs and line breaks to
  // spaces; character references keep them.
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/** `text` without the characters XML 1.0 forbids. */
function stripInvalidXmlChars(text: string): string {
  return text.replace(NOT_XML_CHAR, '');
}

/** `text` as XML/HTML character data: illegal characters dropped, `& < > " '` as entities. */
export function escapeText(text: string): string {
  return stripInvalidXmlChars(text).replace(/[&<>"']/g, (c) => ENTITY[c]!);
}

/** `text` as a double- or single-quoted XML/HTML attribute value, line breaks and tabs kept as references. */
export function escapeAttribute(text: string): string {
  return stripInvalidXmlChars(text).replace(/[&<>"'\t\n\r]/g, (c) => ENTITY[c]!);
}
