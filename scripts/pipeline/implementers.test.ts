import { describe, expect, it } from 'vitest';
import { seedLibrary } from '../../tests/seeds.ts';
import { documentKey, implementersOf } from './implementers.ts';

describe('which plans implement a document (the seed plans)', () => {
  const plans = seedLibrary().plans;
  const implementers = implementersOf(plans);

  it('finds every plan that names the document, in the plans\' order, however the number is spaced or cased', () => {
    const expected = plans.filter((p) => p.implements.includes('57-NQ/TW')).map((p) => p.id);
    expect(expected.length).toBeGreaterThan(1);
    expect(implementers('57-NQ/TW')).toEqual(expected);
    expect(implementers('57 - nq/tw')).toEqual(expected);
    expect(documentKey('57 - NQ/TW')).toBe(documentKey('57-NQ/TW'));
  });

  it('names no plan for a document nobody implements, and hands out a list the caller may change', () => {
    expect(implementers('999-KH/UBND')).toEqual([]);
    implementers('57-NQ/TW').pop();
    expect(implementers('57-NQ/TW').length).toBeGreaterThan(1);
  });

  it('gives the cited documents and plans of the build what a scan of every plan finds', () => {
    const library = seedLibrary();
    const scan = (docId: string) => plans.filter((p) => p.implements.includes(docId)).map((p) => p.id);
    expect(library.documents.some((d) => d.implementedBy.length > 0)).toBe(true);
    for (const d of library.documents) expect(d.implementedBy, d.docId).toEqual(scan(d.docId));
    for (const p of plans) expect(library.implementedBy.get(p.id), p.id).toEqual(p.docId ? scan(p.docId).filter((id) => id !== p.id) : []);
  });
});
