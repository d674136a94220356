import { describe, expect, it } from 'vitest';
import type { ModelCard } from '../../../src/lib/contracts/entities';
import { buildModelCard } from '../../../src/lib/registry/build-model-card';
import { MODEL_CARD_CSP, modelCardHtml } from '../../../src/lib/registry/model-card-html';
import { modelCardMarkdown } from '../../../src/lib/registry/model-card-markdown';
import { classificationEval, run, signature, version, XSS } from './fixtures';

/** A card whose every user string is hostile: names, notes, column names, labels, metric ids. */
function hostileCard(): ModelCard {
  const [img, svg, js, script, mdLink, anchor] = XSS as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const evaluation = classificationEval({ accuracy: 0.9, [anchor]: 0.5 });
  evaluation.perClass[0]!.label = svg;
  return buildModelCard({
    version: {
      ...version,
      name: img,
      description: `${script}\n# heading\n${mdLink}`,
      tags: [js, '| pipe |'],
      signature: {
        inputs: [{ name: svg, type: 'category' }, ...signature.inputs],
        target: { name: img, task: 'multiclass', labels: [script, js] },
      },
    },
    run: {
      ...run,
      notes: `${anchor}\n\n1. list\n> quote`,
      backend: { ...run.backend, reason: svg },
    },
    evaluation,
    datasetName: `${img}${svg}`,
    limitations: `${js}\n\n<b>bold</b>`,
    intendedUse: mdLink,
  });
}

const ALLOWED_TAGS: Record<string, RegExp> = {
  '!doctype': /^ html$/,
  html: /^( lang="en")?$/,
  head: /^$/,
  meta: new RegExp(
    `^( charset="utf-8"| http-equiv="Content-Security-Policy" content="${MODEL_CARD_CSP}")$`,
  ),
  title: /^$/,
  style: /^$/,
  body: /^$/,
  article: /^$/,
  section: /^( id="section-[a-z0-9-]*")?$/,
  h1: /^$/,
  h2: /^$/,
  p: /^$/,
  br: /^$/,
  dl: /^$/,
  dt: /^$/,
  dd: /^$/,
  table: /^$/,
  thead: /^$/,
  tbody: /^$/,
  tr: /^$/,
  th: /^( scope="col")?$/,
  td: /^$/,
};

function unescapeHtml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

describe('modelCardHtml (RELIABILITY X3)', () => {
  const card = hostileCard();
  const html = modelCardHtml(card);

  it('emits only its own tags and attributes', () => {
    const tags = [...html.matchAll(/<(\/?)([!a-z0-9]+)([^<>]*)>/gi)];
    expect(tags.length).toBeGreaterThan(20);
    for (const [tag, close, name, attrs] of tags) {
      const allowed = ALLOWED_TAGS[name!.toLowerCase()];
      expect(allowed, tag).toBeDefined();
      if (close === '') expect(attrs, tag).toMatch(allowed!);
      else expect(attrs, tag).toBe('');
    }
    // Nothing between the tags can start a tag: every `<` left is one of the tags above.
    expect(html.replace(/<(\/?)([!a-z0-9]+)([^<>]*)>/gi, '')).not.toMatch(/[<>]/);
  });

  it('contains no live markup from the corpus', () => {
    for (const needle of ['<img', '<svg', '<script', '<a ', '<b>', 'onerror=alert(1)>']) {
      expect(html).not.toContain(needle);
    }
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&quot;&gt;&lt;svg onload=alert(1)&gt;');
  });

  it('shows every hostile string as text', () => {
    const text = unescapeHtml(html.replace(/<[^<>]*>/g, '\n'));
    for (const s of XSS) expect(text).toContain(s);
  });

  it('carries a no-script CSP and escapes a hostile card read from a bundle', () => {
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="${MODEL_CARD_CSP}">`,
    );
    const raw: ModelCard = {
      title: XSS[1]!,
      modelVersionId: 'x',
      createdAt: 0,
      sections: [
        {
          id: '"><script>alert(1)</script>',
          heading: XSS[0]!,
          paragraphs: [XSS[3]!],
          facts: [{ label: XSS[1]!, value: XSS[5]! }],
          table: { columns: [XSS[0]!, 'b'], rows: [[XSS[1]!], [XSS[2]!, XSS[3]!, 'extra']] },
        },
      ],
    };
    const out = modelCardHtml(raw);
    expect(out).toContain('<section id="section--script-alert-1-script-">');
    expect(out.replace(/<(\/?)([!a-z0-9]+)([^<>]*)>/gi, '')).not.toMatch(/[<>]/);
    // Rows are cut or padded to the header's width.
    expect(out).toContain('<tr><td>&quot;&gt;&lt;svg onload=alert(1)&gt;</td><td></td></tr>');
  });
});

describe('modelCardMarkdown', () => {
  const card = hostileCard();
  const md = modelCardMarkdown(card);

  it('starts with the title and ends with one newline', () => {
    expect(md.startsWith('# Model card: \\<img src=x onerror=alert(1)\\> v3\n')).toBe(true);
    expect(md.endsWith('\\> quote\n')).toBe(true);
    expect(md.endsWith('\n\n')).toBe(false);
  });

  it('escapes every markup character of user text', () => {
    // Every <, >, [, ], `, * and _ is backslash-escaped: no HTML, autolink, link or emphasis.
    for (const c of ['<', '>', '[', ']', '`']) {
      const unescaped = [...md.matchAll(new RegExp(`(^|[^\\\\])\\${c}`, 'g'))];
      expect(unescaped, c).toEqual([]);
    }
    expect(md).toContain('\\[click\\](javascript:alert(1))');
  });

  it('only the renderer starts lines with block markup', () => {
    for (const line of md.split('\n')) {
      if (/^#/.test(line)) expect(line).toMatch(/^#{1,2} /);
      if (/^-/.test(line)) expect(line).toMatch(/^- \*\*/);
      if (/^\d+[.)]/.test(line)) throw new Error(`ordered list from user text: ${line}`);
      expect(line).not.toMatch(/^\s{4}/);
    }
    expect(md).toContain('\n\\# heading\n');
    expect(md).toContain('\n1\\. list\n\\> quote\n');
  });

  it('keeps table rows to the header width (pipes in cells escaped)', () => {
    const cells = (l: string) => l.replace(/\\\|/g, '').split('|').length;
    let width = 0;
    let rows = 0;
    const lines = md.split('\n');
    lines.forEach((line, i) => {
      if (!line.startsWith('|')) return (width = 0);
      if (width === 0) width = cells(line); // a header row starts each table
      expect(cells(line), line).toBe(width);
      rows += lines[i + 1]?.startsWith('| ---') ? 0 : 1;
    });
    expect(rows).toBeGreaterThan(4);
    expect(md).toContain('\\| pipe \\|');
  });

  it('renders a plain card readably', () => {
    const plain = modelCardMarkdown(
      buildModelCard({
        version,
        run,
        evaluation: classificationEval({ accuracy: 0.95 }),
        datasetName: 'Penguins',
        limitations: 'None.',
        intendedUse: 'Teaching.',
      }),
    );
    expect(plain).toContain('## Evaluation\n\nHeld-out test set of 400 rows.');
    expect(plain).toContain(
      '| Metric | Estimate | 95% interval |\n| --- | --- | --- |\n| Accuracy (higher is better) | 0.95 | 0.93 to 0.97 |',
    );
    expect(plain).toContain('- **Name:** penguins\n');
  });
});
