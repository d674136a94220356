/**
 * Renders a {@link ModelCard} as GitHub-flavoured Markdown (the `MODEL_CARD.md` of a model
 * export). Every string of the card is treated as user text and escaped
 * ({@link escapeMarkdownInline}, {@link escapeMarkdownBlock}); the only markup is the renderer's
 * own (headings, bold labels, lists, tables).
 */
import type { ModelCard } from '../contracts/entities';
import { escapeMarkdownBlock, escapeMarkdownInline } from './escape-markdown';

/**
 * Renders a model card as Markdown.
 * @param card the card (possibly from an imported, untrusted bundle)
 * @returns the Markdown text, ending with a newline
 * @throws never
 * @example
 * modelCardMarkdown(card).split('\n').slice(0, 3)
 * // ['# Model card: penguins v3', '', '## Model details']
 */
export function modelCardMarkdown(card: ModelCard): string {
  const out: string[] = [`# ${escapeMarkdownInline(card.title)}`, ''];
  for (const s of card.sections) {
    out.push(`## ${escapeMarkdownInline(s.heading)}`, '');
    for (const p of s.paragraphs) {
      const text = escapeMarkdownBlock(p);
      if (text !== '') out.push(text, '');
    }
    if (s.facts.length > 0) {
      for (const f of s.facts) {
        out.push(`- **${escapeMarkdownInline(f.label)}:** ${escapeMarkdownInline(f.value)}`);
      }
      out.push('');
    }
    const table = s.table;
    if (table && table.columns.length > 0) {
      const cells = (row: readonly string[]) =>
        `| ${table.columns.map((_, j) => escapeMarkdownInline(row[j] ?? '')).join(' | ')} |`;
      out.push(cells(table.columns), `|${table.columns.map(() => ' --- |').join('')}`);
      for (const row of table.rows) out.push(cells(row));
      out.push('');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}
