/**
 * Markdown escaping of user text (CommonMark 0.31 §2.4: any ASCII punctuation may be
 * backslash-escaped), so a name or note renders as the same text and cannot become markup:
 *
 * - everywhere: `\` `` ` `` `*` `_` `[` `]` `<` `>` `|` `~` are escaped, so no emphasis, code,
 *   link, image, autolink (`<javascript:…>`), raw HTML (`<img …>`) or table cell break can form;
 * - at the start of a line: `#` (heading), `-` `+` `=` (list, setext underline) and a number
 *   followed by `.` or `)` and a space (ordered list) are escaped, and leading spaces are dropped (four
 *   would start a code block);
 * - inline text (headings, list items, table cells) is kept on one line: line breaks become
 *   spaces.
 */

const INLINE = /[\\`*_[\]<>|~]/g;

function escapeLine(line: string): string {
  const text = line.replace(/^[ \t]+/, '').replace(INLINE, (c) => `\\${c}`);
  // An ordered-list marker is 1–9 digits, `.` or `)`, then a space or the line's end.
  return text.replace(/^([#+=-])/, '\\$1').replace(/^(\d{1,9})([.)])(?=[ \t]|$)/, '$1\\$2');
}

/**
 * Escapes user text for a single-line Markdown context (heading, list item, table cell).
 * @param text any text
 * @returns one line of escaped Markdown
 * @throws never
 * @example
 * escapeMarkdownInline('a | b')     // 'a \\| b'
 * escapeMarkdownInline('# not a heading\nnext') // '\\# not a heading next'
 */
export function escapeMarkdownInline(text: string): string {
  return escapeLine(String(text).replace(/\s*(?:\r\n|\r|\n)\s*/g, ' '));
}

/**
 * Escapes user text for a Markdown paragraph, keeping its line breaks (as hard breaks are not
 * needed, lines stay lines of one paragraph).
 * @param text any text
 * @returns escaped Markdown, one output line per input line, blank lines removed so the text
 *   stays one paragraph
 * @throws never
 * @example
 * escapeMarkdownBlock('# Title\n- item') // '\\# Title\n\\- item'
 */
export function escapeMarkdownBlock(text: string): string {
  return String(text)
    .split(/\r\n|\r|\n/)
    .map(escapeLine)
    .filter((line) => line !== '')
    .join('\n');
}
