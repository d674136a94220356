import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../../src/lib/registry/escape-html';
import {
  escapeMarkdownBlock,
  escapeMarkdownInline,
} from '../../../src/lib/registry/escape-markdown';
import { XSS } from './fixtures';

describe('escapeHtml', () => {
  it('escapes the five significant characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });

  it('leaves no < > " \' in the corpus and is reversible', () => {
    for (const s of XSS) {
      const e = escapeHtml(s);
      expect(e).not.toMatch(/[<>"']/);
      const back = e
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&amp;/g, '&');
      expect(back).toBe(s);
    }
  });

  it('does not double-decode entities in the input', () => {
    expect(escapeHtml('&lt;script&gt;')).toBe('&amp;lt;script&amp;gt;');
  });
});

describe('escapeMarkdown', () => {
  it('escapes inline markup everywhere', () => {
    expect(escapeMarkdownInline('a|b *c* _d_ `e` [f](g) <h> ~i~ \\')).toBe(
      'a\\|b \\*c\\* \\_d\\_ \\`e\\` \\[f\\](g) \\<h\\> \\~i\\~ \\\\',
    );
  });

  it('escapes line-leading block markers and folds lines in inline text', () => {
    // Folded onto one line, the `-` is mid-line and harmless.
    expect(escapeMarkdownInline('# title\n- item')).toBe('\\# title - item');
    expect(escapeMarkdownInline('- item')).toBe('\\- item');
    expect(escapeMarkdownInline('    code')).toBe('code');
    expect(escapeMarkdownInline('12) x')).toBe('12\\) x');
    expect(escapeMarkdownInline('a#b 1.5')).toBe('a#b 1.5');
    // A number is not a list marker unless a space or the line's end follows.
    expect(escapeMarkdownInline('0.95')).toBe('0.95');
    expect(escapeMarkdownInline('3.')).toBe('3\\.');
  });

  it('keeps lines in block text, each escaped', () => {
    expect(escapeMarkdownBlock('# A\r\n+ b\n\n= c\n2. d\n> e')).toBe(
      '\\# A\n\\+ b\n\\= c\n2\\. d\n\\> e',
    );
  });
});
