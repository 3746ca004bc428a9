import { describe, expect, it } from 'vitest';
import { cell, code, comment, fence, join, line, mermaidId, mermaidLabel } from '../../src/render/helpers.js';

describe('text helpers', () => {
  it('line folds every kind of line break and blank run', () => {
    expect(line('a\nb\r\nc\u2028d   e\t f')).toBe('a b c d e f');
  });

  it('cell keeps a table cell one cell', () => {
    expect(cell('a | b\nc')).toBe('a \\| b<br>c');
    expect(cell('')).toBe(' ');
    expect(cell(42)).toBe('42');
    // A backslash before a pipe must not turn the escaped pipe back into a column break.
    expect(cell('x\\|y')).toBe('x\\\\\\|y');
  });

  it('code picks a backtick run longer than any inside', () => {
    expect(code('plain')).toBe('`plain`');
    expect(code('a`b')).toBe('``a`b``');
    expect(code('`start')).toBe('`` `start ``');
    expect(code('two\nlines')).toBe('`two lines`');
  });

  it('fence always closes, whatever the body holds', () => {
    expect(fence('x', 'go')).toBe('```go\nx\n```');
    expect(fence('a ``` b\n````\n')).toBe('`````\na ``` b\n````\n`````');
  });

  it('comment cannot end a block comment early', () => {
    expect(comment('a */ b\nc')).toBe('a * / b c');
  });

  it('join and mermaid helpers', () => {
    expect(join([])).toBe('');
    expect(join(['a'])).toBe('a');
    expect(join(['a', 'b', 'c'])).toBe('a, b and c');
    expect(mermaidId('Order Line-1')).toBe('Order_Line_1');
    expect(mermaidId('1st')).toBe('n_1st');
    expect(mermaidLabel('say "hi" <b>\nnow')).toBe('"say #quot;hi#quot; #lt;b#gt; now"');
  });
});
