import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readSourceDocuments, syntheticSeeds, SCAN_SHARE, writtenForms } from './synthetic-seeds.ts';
import { buildLibrary } from '../build/library.ts';
import { withSharedCorpus } from '../shared-folder.ts';
import { PROVINCES } from '../search/provinces.ts';
import { damageScore, DAMAGE_THRESHOLD } from '../pipeline/ocr/detect.ts';
import { similarity, textShingles, SAME_PLAN_SIMILARITY } from '../pipeline/plan.ts';
import type { Block } from '../pipeline/types.ts';

// The seeds, and ../shared/corpus/ read in place when it is there (the generator works without it).
const seedsDir = fileURLToPath(new URL('../../seeds/', import.meta.url));
const sources = readSourceDocuments(withSharedCorpus(seedsDir));
const shinglesOf = (text: string) => textShingles([{ text } as Block]);

describe('syntheticSeeds', () => {
  const plans = syntheticSeeds(sources, 300);

  it('gives the same bytes for the same seed, other bytes for another', () => {
    const again = syntheticSeeds(sources, 300);
    expect(again.map((p) => [p.file, p.text])).toEqual(plans.map((p) => [p.file, p.text]));
    const other = syntheticSeeds(sources, 20, { seed: 58 });
    expect(other.map((p) => p.text)).not.toEqual(plans.slice(0, 20).map((p) => p.text));
    // N is a prefix: a bigger corpus holds the smaller one's plans.
    expect(syntheticSeeds(sources, 40).map((p) => p.text)).toEqual(plans.slice(0, 40).map((p) => p.text));
  });

  it('spreads plans over all 34 provinces and the three levels, each file named once', () => {
    expect(new Set(plans.map((p) => p.province)).size).toBe(PROVINCES.length);
    expect(new Set(plans.map((p) => p.level))).toEqual(new Set(['tỉnh', 'thành phố', 'xã']));
    expect(new Set(plans.map((p) => p.file)).size).toBe(plans.length);
    for (const p of plans.filter((x) => x.level !== 'tỉnh' && !x.damaged)) expect(p.text).toContain(p.locality);
  });

  it('is read by the pipeline in the province it was given, whatever way its layout spelled its own', () => {
    const clean = plans.filter((p) => !p.damaged).slice(0, 2 * PROVINCES.length);
    const read = buildLibrary(clean.map((p) => ({ file: p.file, bytes: new TextEncoder().encode(p.text), sidecar: null }))).plans;
    const given = new Map(clean.map((p) => [p.file, p.province]));
    const places = read.map((plan) => plan.metadata.provinceNow.value);
    // A layout that names no province (read as none) stays without one; none is read in another province.
    const elsewhere = read.filter((plan) => ![given.get(plan.sourceFile), null].includes(plan.metadata.provinceNow.value));
    expect(elsewhere.map((plan) => [plan.sourceFile, given.get(plan.sourceFile), plan.metadata.provinceNow.value])).toEqual([]);
    expect(new Set(places).size).toBeGreaterThan(PROVINCES.length / 2);
  });

  it('finds a place however its source writes it, as a whole word only', () => {
    expect(writtenForms('ĐẢNG BỘ THÀNH PHỐ HÀI PHÒNG; Hải Phòng, ngày…', 'Hải Phòng')).toEqual(['HÀI PHÒNG', 'Hải Phòng']);
    expect(writtenForms('Thuế, thừa thiên Huế', 'Huế')).toEqual(['Huế']);
  });

  it('damages about 3% like scans, which read as damaged, and leaves the others clean', () => {
    const damaged = plans.filter((p) => p.damaged);
    expect(damaged.length).toBeGreaterThanOrEqual(Math.floor(plans.length * SCAN_SHARE / 2));
    expect(damaged.length).toBeLessThanOrEqual(Math.ceil(plans.length * SCAN_SHARE * 2));
    for (const p of damaged) expect(damageScore(p.text)).toBeGreaterThan(DAMAGE_THRESHOLD);
    for (const p of plans.filter((x) => !x.damaged).slice(0, 40)) expect(damageScore(p.text)).toBeLessThan(DAMAGE_THRESHOLD);
  });

  it('makes no two plans the same or near-identical (as the build judges duplicates)', () => {
    expect(new Set(plans.map((p) => p.text)).size).toBe(plans.length);
    const sample = plans.slice(0, 60).map((p) => shinglesOf(p.text));
    let closest = 0;
    for (let a = 0; a < sample.length; a++) for (let b = a + 1; b < sample.length; b++) closest = Math.max(closest, similarity(sample[a]!, sample[b]!));
    expect(closest).toBeLessThan(SAME_PLAN_SIMILARITY);
  });

  it('varies the numbers and dates of a layout and keeps the national documents cited as they are', () => {
    const sameLayout = plans.filter((p) => p.level === 'xã').slice(0, 2);
    expect(sameLayout[0]!.text).not.toEqual(sameLayout[1]!.text);
    for (const p of plans.slice(0, 50)) expect(p.text).toContain('57-NQ/TW');
  });
});
