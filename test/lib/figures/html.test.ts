/**
 * The figure frames' HTML builder escapes text and attributes exactly as Astro's templates do, so
 * a frame drawn by a renderer reads the same as the template it replaced, and labels from
 * abstracts cannot inject markup.
 */
import { describe, expect, it } from 'vitest';
import * as cheerio from 'cheerio';
import { escapeHTML } from 'astro/runtime/server/escape.js';
import { attributes, escapeHtml, h, raw, toHtml } from '../../../src/lib/figures/html.ts';
import { HOSTILE } from './fixtures.ts';

/** What an HTML parser reads back: it turns CR LF and CR into LF (HTML's newline normalisation, not escaping). */
const read = (s: string) => s.replace(/\r\n?/g, '\n');
const NASTY = [...HOSTILE, `It's "x" & <y>`, '</td></tr><script>alert(1)</script>', '&amp; already'];

describe('the figure HTML builder', () => {
  it('escapes text as Astro does (&, <, >, both quotes), for every hostile label', () => {
    for (const s of NASTY) expect(escapeHtml(s)).toBe(escapeHTML(s));
  });

  it('keeps text as text and attribute values inside their attribute, whatever they hold', () => {
    for (const s of NASTY) {
      const $ = cheerio.load(toHtml(h('p', { title: s, 'data-x': s }, s)), null, false);
      expect($('p')).toHaveLength(1);
      expect($('script')).toHaveLength(0);
      expect($('p').text()).toBe(read(s));
      expect($('p').attr('title')).toBe(read(s));
      expect($('p').attr('data-x')).toBe(read(s));
    }
  });

  it('escapes only & and " in attribute values, as Astro prints them', () => {
    expect(attributes({ href: `/a?b=1&c="2"'3'<4>` })).toBe(' href="/a?b=1&amp;c=&quot;2&quot;\'3\'<4>"');
  });

  it('prints true and empty attributes as bare names and leaves out false, null and undefined', () => {
    expect(attributes({ a: true, b: '', c: false, d: null, e: undefined, f: 0 })).toBe(' a b f="0"');
  });

  it('inserts raw markup as it is and flattens nested children, skipping empty ones', () => {
    expect(toHtml(h('div', { class: 'x' }, raw('<svg/>'), [null, false, ['a', undefined, 1]], h('b', {})))).toBe('<div class="x"><svg/>a1<b></b></div>');
  });
});
