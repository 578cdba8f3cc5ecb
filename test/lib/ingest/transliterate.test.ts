import { describe, expect, it } from 'vitest';
import { asciiShare, transliterate } from '../../../src/lib/ingest/transliterate.ts';

describe('transliterate', () => {
  it('writes Cyrillic titles in Latin letters, й and ё included', () => {
    expect(transliterate('Состояние костной ткани')).toBe('sostoyanie kostnoy tkani');
    expect(transliterate('Пётр Щукин, Київ')).toBe('pyotr shchukin, kiyiv');
  });

  it('writes Greek titles in Latin letters, accents and final sigma included', () => {
    expect(transliterate('Αξιολόγηση της ακτινογραφίας θώρακα')).toBe('axiologisi tis aktinografias thoraka');
  });

  it('drops Latin diacritics by NFKD and maps the letters NFKD keeps (ø, ß, æ, ł)', () => {
    expect(transliterate('Évaluation à Orléans')).toBe('evaluation a orleans');
    expect(transliterate('Østergaard Straße Æble Łódź')).toBe('ostergaard strasse aeble lodz');
  });

  it('leaves letters of other scripts as they are', () => {
    expect(transliterate('深層学習 CNN')).toBe('深層学習 cnn');
  });
});

describe('asciiShare', () => {
  it('is 1 for Latin, Cyrillic and Greek text, low for Japanese, and 1 without letters', () => {
    expect(asciiShare('Deep learning')).toBe(1);
    expect(asciiShare('Состояние')).toBe(1);
    expect(asciiShare('深層学習による骨折検出 CNN')).toBeLessThan(0.5);
    expect(asciiShare('2024 — 17')).toBe(1);
  });
});
