// The one-pass tidy and the fast paths of the text helpers (made for 1,000-entity models) give the very text
// the earlier whole-text regular expressions gave, on random text full of blanks, line breaks and fences.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { code, comment, fence, line } from '../../src/render/helpers.js';
import { tidy } from '../../src/render/index.js';
import { collector, Tidy } from '../../src/render/tidy.js';

/** tidy as it was: a regular expression over the whole text for each step. */
function tidyBefore(text: string, markdown: boolean): string {
  let s = text.replace(/\r\n?/g, '\n');
  if (markdown) {
    const out: string[] = [];
    let open = '';
    for (const lineText of s.replace(/[ \t]+$/gm, '').split('\n')) {
      const opener = /^(`{3,}|~{3,})/.exec(lineText)?.[1];
      if (open) {
        if (opener && opener[0] === open[0] && opener.length >= open.length && lineText.trim() === opener) open = '';
      } else if (opener) {
        open = opener;
      } else if (lineText === '' && out.length > 0 && out[out.length - 1] === '') {
        continue;
      }
      out.push(lineText);
    }
    s = out.join('\n');
  }
  return `${s.replace(/^\n+/, '').replace(/\n+$/, '')}\n`;
}

const collapseBefore = (text: string): string => text.replace(/\r\n|\r|\n|\u2028|\u2029/g, ' ').replace(/[ \t]+/g, ' ').trim();

const pieces = fc.constantFrom('a', 'text', ' ', '  ', '\t', '\n', '\n\n\n', '\r\n', '\r', '\u2028', '\u2029', '\u00a0', '\ufeff', '```', '~~~', '````', '`', '# h', '- i', '1. x', '\\`');
const texts = fc.array(pieces, { maxLength: 30 }).map((p) => p.join(''));

describe('tidy and the helpers keep their text', () => {
  test('tidy: Markdown and not, as the regular expressions gave', () => {
    fc.assert(fc.property(texts, fc.boolean(), (text, markdown) => {
      expect(tidy(text, markdown)).toBe(tidyBefore(text, markdown));
    }), { numRuns: 3000, seed: 9 });
  });

  test('tidy in pieces cut anywhere gives the text tidy gives whole', () => {
    const cuts = fc.array(fc.nat({ max: 200 }), { maxLength: 12 });
    fc.assert(fc.property(texts, fc.boolean(), cuts, (text, markdown, at) => {
      const out: string[] = [];
      const t = new Tidy(collector(out), markdown);
      let from = 0;
      for (const cut of [...new Set(at.map((a) => a % (text.length + 1)))].sort((a, b) => a - b)) {
        t.write(text.slice(from, cut));
        from = cut;
      }
      t.write(text.slice(from));
      t.end();
      expect(out.join('')).toBe(tidyBefore(text, markdown));
    }), { numRuns: 5000, seed: 12 });
  });

  test('trailing blanks before a U+2028 inside a line go, as before', () => {
    expect(tidy('a \u2028b \nc\t\n', true)).toBe('a\u2028b\nc\n');
    expect(tidy('\n\nx  \n\n\n\ny\n\n', true)).toBe('x\n\ny\n');
  });

  test('line, code, comment and fence on one-line and many-line texts', () => {
    fc.assert(fc.property(texts, (text) => {
      expect(comment(text)).toBe(collapseBefore(text).replace(/\*\//g, '* /'));
      if (!/[`\u2028\u2029\r\n\t]|  /.test(text) && text.trim() === text) {
        expect(line(text)).toBe(line(` ${text}`));
        expect(code(text)).toBe(`\`${text}\``);
      }
      expect(fence(text).startsWith('```')).toBe(true);
    }), { numRuns: 2000, seed: 9 });
  });
});
