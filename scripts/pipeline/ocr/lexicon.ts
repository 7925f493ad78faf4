// The syllable inventory, read from the MIT-licensed @cspell/dict-vi-vn word list
// (a cspell trie), keyed by tone-independent syllable keys.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { importTrie, iteratorTrieWords } from 'cspell-trie-lib';
import { fromKey, toKey } from './syllable.ts';

export interface Lexicon {
  /** Valid syllable keys (toKey form). */
  keys: Set<string>;
}

let cached: Lexicon | null = null;

/** Syllables are lowercase letters only; acronyms and names in capitals are left out. */
function isSyllableWord(w: string): boolean {
  return /^\p{Ll}+$/u.test(w) && w.length <= 7;
}

export function loadLexicon(): Lexicon {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  // the package exports only its cspell-ext.json; the trie sits beside it
  const file = join(dirname(require.resolve('@cspell/dict-vi-vn/cspell-ext.json')), 'vi.trie.gz');
  const raw = gunzipSync(readFileSync(file)).toString('utf8');
  const keys = new Set<string>();
  for (const w of iteratorTrieWords(importTrie(raw.split('\n')))) {
    const nfc = w.normalize('NFC');
    if (isSyllableWord(nfc)) keys.add(toKey(nfc));
  }
  cached = { keys };
  return cached;
}

/** Preferred written form of each key: the most frequent form in the clean plans, else the modern placement. */
export function surfaceOf(key: string, corpusForms: Map<string, string>): string {
  return corpusForms.get(key) ?? fromKey(key);
}

let words: string[][] | null = null;

/**
 * General Vietnamese vocabulary from the MIT-licensed @vntk/dictionary (74k
 * words and phrases), as syllable keys: a background for syllable pairs the
 * plans never used ("cơ bản", "quần chúng").
 */
export function loadWordList(): string[][] {
  if (words) return words;
  const require = createRequire(import.meta.url);
  const file = join(dirname(require.resolve('@vntk/dictionary/package.json')), 'data', 'Viet74K.txt');
  words = readFileSync(file, 'utf8')
    .normalize('NFC')
    .split(/\r?\n/)
    .map((w) => w.trim().toLowerCase().split(/\s+/))
    .filter((w) => w.length > 1 && w.every(isSyllableWord))
    .map((w) => w.map(toKey));
  return words;
}
