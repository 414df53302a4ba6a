// Reads Vietnamese text back from a screenshot with tesseract (Debian's
// tesseract-ocr + tesseract-ocr-vie): proof from pixels that text is on screen.
import { execFileSync } from 'node:child_process';

export function ocr(pngPath, lang = 'vie') {
  return execFileSync('tesseract', [pngPath, 'stdout', '-l', lang, '--psm', '3'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
}

// Lower-cased words of `text`, NFC, without punctuation.
export function words(text) {
  return text.normalize('NFC').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

// Share of `expected`'s words that OCR found (OCR misses a few diacritics now and then).
export function recall(expected, seen) {
  const got = new Set(words(seen));
  const want = words(expected);
  return want.filter((w) => got.has(w)).length / want.length;
}
