import { describe, expect, it } from 'vitest';
import { fixed, roundDecimal, safeHref, shorten } from '../../../src/lib/forest/text.ts';

describe('forest text helpers', () => {
  it('round numbers half away from zero as written in decimal (0.715 gives 0.72)', () => {
    expect(fixed(2)(0.715)).toBe('0.72');
    expect(fixed(2)(-0.715)).toBe('−0.72');
    expect(fixed(2)(1.005)).toBe('1.01');
    expect(fixed(3)(0.0005)).toBe('0.001');
    expect(roundDecimal(1e-7, 2)).toBe(0);
    expect(roundDecimal(1.23e21, 2)).toBe(1.23e21);
  });

  it('never print a negative zero', () => {
    expect(fixed(2)(-0.001)).toBe('0.00');
    expect(fixed(2)(-0)).toBe('0.00');
  });

  it('shorten long labels on character boundaries with an ellipsis', () => {
    expect(shorten('abc   def', 20)).toBe('abc def');
    expect(shorten('abcdefghij', 5)).toBe('abcd…');
    expect(shorten('😀😀😀😀😀😀', 3)).toBe('😀😀…');
  });

  it('keep only http(s), mailto and relative links', () => {
    expect(safeHref('https://example.org/a')).toBe('https://example.org/a');
    expect(safeHref('mailto:a@b.c')).toBe('mailto:a@b.c');
    expect(safeHref('#wma')).toBe('#wma');
    expect(safeHref('../studies/x/')).toBe('../studies/x/');
    expect(safeHref('javascript:alert(1)')).toBeUndefined();
    expect(safeHref('data:text/html,<script>')).toBeUndefined();
    expect(safeHref('java\tscript:alert(1)')).toBeUndefined();
    expect(safeHref('')).toBeUndefined();
  });
});
