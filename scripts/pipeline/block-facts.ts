// What the library-wide steps read of a plan's blocks, made once per document: a rebuild finds a
// cached document's facts in its entry and reads its blocks only for the steps that need the text
// itself (scripts/build/document-cache.ts). A plan whose blocks were made this build (a scan
// restored, a test's plan) has its facts made from them when first asked for.
import type { Block } from './types.ts';
import { loadVocabulary, type DocumentVocabulary } from './document-types.ts';
import { implementsScope, type BlockRanges } from './references.ts';
import { abbreviationsIn } from '../contract/glossary.ts';

export interface BlockFacts {
  /** The blocks' ids in order (the targets' reading order, the pages' plans.json). */
  ids: string[];
  /** The ids of the headings (reuse marks no heading). */
  headings: string[];
  /** The glossary's abbreviations the text uses, in glossary order. */
  abbreviations: string[];
  /** Words of the text (the search index sizes its bundles by them). */
  words: number;
  /** Where the plan says what it carries out (references.ts, implementsScope). */
  implementsScope: BlockRanges;
}

/** Words: runs of characters other than white space (as `\s` has it), counted without splitting the text. */
export function wordCount(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = isSpace(text.charCodeAt(i));
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

/** What `\s` matches (ECMAScript's WhiteSpace and LineTerminator). */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** The facts of these blocks, read from them. */
export function factsOf(blocks: readonly Block[], vocabulary: DocumentVocabulary): BlockFacts {
  return {
    ids: blocks.map((b) => b.id),
    headings: blocks.filter((b) => b.kind === 'heading').map((b) => b.id),
    abbreviations: abbreviationsIn(...blocks.map((b) => b.text)).map((a) => a.abbr),
    words: blocks.reduce((n, b) => n + wordCount(b.text), 0),
    implementsScope: implementsScope(blocks, vocabulary),
  };
}

// The facts of each blocks array, noted when read with it or made once: a plan's blocks are not changed once read.
const facts = new WeakMap<readonly Block[], BlockFacts>();
let defaultVocabulary: DocumentVocabulary | undefined;

/** Notes the facts of these very blocks (kept with them in the document cache). */
export function noteBlockFacts(blocks: readonly Block[], found: BlockFacts): void {
  facts.set(blocks, found);
}

/** The facts of a plan's blocks: noted, or made from them (with the content's vocabulary unless given). */
export function blockFacts(blocks: readonly Block[], vocabulary?: DocumentVocabulary): BlockFacts {
  let found = facts.get(blocks);
  if (!found) {
    found = factsOf(blocks, vocabulary ?? (defaultVocabulary ??= loadVocabulary()));
    facts.set(blocks, found);
  }
  return found;
}
