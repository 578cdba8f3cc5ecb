import { describe, expect, it } from 'vitest';
import { svgElementText, svgSize, unescapeXml } from '../../../src/lib/figures/svg-facts.ts';

const svg = '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 720 122.5" width="720" height="122.5"><title id="t">AUC of &lt;b&gt; &amp; &quot;c&quot;\n  &#964;&#x00B2;</title><desc>first</desc><g><title>a row</title></g></svg>';

describe('what a standalone SVG says about itself', () => {
  it("reads the root element's width and height in CSS px", () => {
    expect(svgSize(svg)).toEqual({ width: 720, height: 122.5 });
  });

  it('refuses a root element without a positive width and height, quoting it', () => {
    expect(() => svgSize('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">')).toThrow(/no positive width and height: <svg xmlns/);
    expect(() => svgSize('<svg width="0" height="10">')).toThrow(/no positive width and height/);
    expect(() => svgSize('not an svg')).toThrow(/no positive width and height/);
  });

  it('reads the first title and desc, unescaped and with white space collapsed, and null when there is none', () => {
    expect(svgElementText(svg, 'title')).toBe('AUC of <b> & "c" τ²');
    expect(svgElementText(svg, 'desc')).toBe('first');
    expect(svgElementText('<svg width="1" height="1"></svg>', 'title')).toBeNull();
  });

  it('resolves entity and character references and leaves unknown or impossible ones as written', () => {
    expect(unescapeXml('&amp;lt; &apos;x&apos; &#x1F600; &#65;')).toBe("&lt; 'x' 😀 A");
    expect(unescapeXml('&nbsp; &#x110000; & alone')).toBe('&nbsp; &#x110000; & alone');
  });
});
