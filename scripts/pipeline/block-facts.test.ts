import { describe, expect, it } from 'vitest';
import { blockFacts, factsOf, noteBlockFacts, wordCount } from './block-facts.ts';
import { abbreviationsIn } from '../contract/glossary.ts';
import { loadVocabulary } from './document-types.ts';
import { parseSeed } from './plan.ts';
import { implementedDocuments, implementsScope } from './references.ts';
import { readSeeds } from '../build/seeds.ts';
import { lazyArray } from './lazy-array.ts';

const vocabulary = loadVocabulary();
const parsed = readSeeds('seeds').map((input) => parseSeed(input, vocabulary));

describe('block facts', () => {
  it("are what the library-wide steps read of each seed's blocks", () => {
    for (const { blocks } of parsed) {
      const facts = factsOf(blocks, vocabulary);
      expect(facts.ids).toEqual(blocks.map((b) => b.id));
      expect(facts.headings).toEqual(blocks.filter((b) => b.kind === 'heading').map((b) => b.id));
      expect(facts.abbreviations).toEqual(abbreviationsIn(...blocks.map((b) => b.text)).map((a) => a.abbr));
      expect(facts.words).toBe(blocks.map((b) => b.text.split(/\s+/).filter(Boolean).length).reduce((a, b) => a + b, 0));
      expect(facts.implementsScope).toEqual(implementsScope(blocks, vocabulary));
      // What a cache gives back is the same facts.
      expect(JSON.parse(JSON.stringify(facts))).toEqual(facts);
    }
    expect(parsed.some(({ blocks }) => factsOf(blocks, vocabulary).implementsScope.length > 0)).toBe(true);
    expect(parsed.some(({ blocks }) => factsOf(blocks, vocabulary).abbreviations.length > 0)).toBe(true);
  });

  it('are read from noted facts without reading the blocks, or made once from them', () => {
    const [{ blocks }] = parsed as [(typeof parsed)[number]];
    const facts = factsOf(blocks, vocabulary);
    let reads = 0;
    const unread = lazyArray(() => (reads++, blocks));
    noteBlockFacts(unread, facts);
    expect(blockFacts(unread)).toBe(facts);
    expect(reads).toBe(0);
    const copy = [...blocks];
    expect(blockFacts(copy, vocabulary)).toEqual(facts);
    expect(blockFacts(copy)).toBe(blockFacts(copy));
  });

  it('keep what a plan implements: the documents cited where it says so', () => {
    const refs = [{ docId: '57-nq-tw', blockId: 'x', start: 10, end: 20, mention: 'Nghị quyết số 57-NQ/TW' }];
    expect(implementedDocuments([['x', [[0, 30]]]], refs as never, vocabulary)).toEqual(['57-nq-tw']);
    expect(implementedDocuments([['x', [[0, 15]]]], refs as never, vocabulary)).toEqual([]);
    expect(implementedDocuments([], refs as never, vocabulary)).toEqual([]);
  });
});

describe('wordCount', () => {
  it('counts runs of characters other than white space', () => {
    expect(wordCount('  Một  hai\tba\n')).toBe(3);
    expect(wordCount('')).toBe(0);
  });
});
