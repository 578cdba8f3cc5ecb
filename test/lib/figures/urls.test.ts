import { describe, expect, it } from 'vitest';
import { absoluteUrl, figureId, figureLinks, iframeSnippet } from '../../../src/lib/figures/urls.ts';

describe('figure ids and links', () => {
  it('makes lower-case ids of letters, digits and dashes', () => {
    expect(figureId('study', '2024-deep-learning', 'AUC')).toBe('study-2024-deep-learning-auc');
    expect(figureId('outcome', 'late_gadolinium enhancement', 'OR')).toBe('outcome-late-gadolinium-enhancement-or');
  });

  it('puts the files under figures/ and the embed page under embed/, below the base path; a plot without a PNG still has its PDF', () => {
    expect(figureLinks('headline-auc', '/review')).toEqual({
      svg: '/review/figures/headline-auc.svg',
      png: '/review/figures/headline-auc.png',
      pdf: '/review/figures/headline-auc.pdf',
      csv: '/review/figures/headline-auc.csv',
      r: '/review/figures/headline-auc.R',
      embed: '/review/embed/headline-auc/',
    });
    expect(figureLinks('outcome-auc', '/', false).png).toBeNull();
    expect(figureLinks('outcome-auc', '/', false).pdf).toBe('/figures/outcome-auc.pdf');
    expect(absoluteUrl('/review/embed/x/', 'https://example.org')).toBe('https://example.org/review/embed/x/');
  });

  it('writes an iframe snippet whose title cannot break out of its attribute', () => {
    const s = iframeSnippet('https://example.org/embed/x/', '"><script>alert(1)</script>', 720, 280);
    expect(s).toContain('title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(s).toContain('sandbox="allow-popups allow-top-navigation-by-user-activation"');
    expect(s).toMatch(/^<iframe src="https:\/\/example\.org\/embed\/x\/" [^<]*><\/iframe>$/);
  });
});
