/**
 * Renders a {@link ModelCard} as a standalone HTML document (for printing or saving). Every
 * string of the card is user text and goes through {@link escapeHtml}; user text only ever lands
 * in element content or a quoted attribute value, never in a URL, script or style, and the
 * renderer emits no links at all, so a `javascript:` URL stays inert text. The document also
 * carries a Content-Security-Policy that allows no script, as a second line of defence.
 */
import type { ModelCard } from '../contracts/entities';
import { escapeHtml } from './escape-html';

/**
 * The document's CSP: inline styles only; no scripts, images, fonts or connections.
 * @example
 * MODEL_CARD_CSP // "default-src 'none'; style-src 'unsafe-inline'"
 */
export const MODEL_CARD_CSP = "default-src 'none'; style-src 'unsafe-inline'";

const STYLE =
  'body{font:15px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem}' +
  'table{border-collapse:collapse}th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left}' +
  'dt{font-weight:600}dd{margin:0 0 .5rem 0}';

/** A section id reduced to `[a-z0-9-]` so an imported card cannot inject into the attribute. */
function slug(id: string): string {
  return String(id)
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .slice(0, 64);
}

/** A paragraph's lines, escaped and joined by `<br>`. */
function lines(text: string): string {
  return String(text)
    .split(/\r\n|\r|\n/)
    .map(escapeHtml)
    .join('<br>');
}

/**
 * Renders a model card as an HTML document.
 * @param card the card (possibly from an imported, untrusted bundle)
 * @returns `<!doctype html>…`, with every card string escaped
 * @throws never
 * @example
 * modelCardHtml({ title: '<img src=x onerror=alert(1)>', modelVersionId: 'm@1', createdAt: 0,
 *   sections: [] }).includes('<title>&lt;img src=x onerror=alert(1)&gt;</title>') // true
 */
export function modelCardHtml(card: ModelCard): string {
  const body: string[] = [`<h1>${escapeHtml(card.title)}</h1>`];
  for (const s of card.sections) {
    body.push(`<section id="section-${slug(s.id)}">`, `<h2>${escapeHtml(s.heading)}</h2>`);
    for (const p of s.paragraphs) body.push(`<p>${lines(p)}</p>`);
    if (s.facts.length > 0) {
      body.push('<dl>');
      for (const f of s.facts)
        body.push(`<dt>${escapeHtml(f.label)}</dt><dd>${lines(f.value)}</dd>`);
      body.push('</dl>');
    }
    const table = s.table;
    if (table && table.columns.length > 0) {
      const head = table.columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('');
      body.push('<table>', `<thead><tr>${head}</tr></thead>`, '<tbody>');
      for (const row of table.rows) {
        const cells = table.columns.map((_, j) => `<td>${escapeHtml(row[j] ?? '')}</td>`);
        body.push(`<tr>${cells.join('')}</tr>`);
      }
      body.push('</tbody>', '</table>');
    }
    body.push('</section>');
  }
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${MODEL_CARD_CSP}">`,
    `<title>${escapeHtml(card.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<article>',
    ...body,
    '</article>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
