import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedCorpusDir } from '../shared-folder.ts';
import { LabelsSchema, matches, sameValue, scoreCorpus, totals, type PublishedPlan, type PublishedTarget } from './corpus-score.ts';

const labelsPath = join(sharedCorpusDir, 'labels.json');

describe.runIf(existsSync(labelsPath))('corpus score against ../shared/corpus/labels.json', () => {
  const labels = LabelsSchema.parse(JSON.parse(readFileSync(labelsPath, 'utf8')));
  const doc = labels.documents[0]!;
  const label = labels.targets.find((t) => t.file === doc.file && t.years[0] !== null)!;
  const plan: PublishedPlan = {
    id: 'p',
    sourceFile: `corpus/${doc.file}`,
    metadata: { locality: { value: doc.locality }, level: { value: doc.level }, number: { value: `${doc.number} ` }, date: { value: '1999-01-01' } },
  };
  const record = (over: Partial<PublishedTarget> = {}): PublishedTarget => ({
    plan: 'p', indicator: 'x', year: label.years[0]!, comparator: label.cmp, value: label.value, quote: label.quote, ...over,
  });

  it('a record with the labelled value, year and a keyword in its quote is found; another value, year or quote is not', () => {
    expect(matches(label, record())).toBe(true);
    expect(matches(label, record({ value: label.value + 1 }))).toBe(false);
    expect(matches(label, record({ year: 1900 }))).toBe(false);
    expect(matches(label, record({ quote: 'một câu khác hẳn' }))).toBe(false);
  });

  it('scores metadata fields by value, spacing and case aside, and counts precision over all records', () => {
    expect(sameValue('310/KH-UBND', '310/kh-ubnd ')).toBe(true);
    const scores = scoreCorpus(labels, [plan], [record(), record({ value: -1, indicator: null })]);
    const first = scores.find((s) => s.file === doc.file)!;
    expect(first.fields.map((f) => f.right)).toEqual([true, true, true, false]);
    expect(first.found).toBeGreaterThanOrEqual(1);
    expect(first.records).toBe(2);
    expect(first.matchingRecords).toBe(1);
    const t = totals(scores);
    expect(t.labelled).toBe(labels.targets.length);
    expect(t.fields).toBe(labels.documents.length * 4);
  });
});
