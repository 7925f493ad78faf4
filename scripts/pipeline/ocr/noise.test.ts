import { describe, expect, it } from 'vitest';
import { degrade } from './noise.ts';
import { tokenize } from './tokenize.ts';
import { paragraphsOf, SEED } from '../../../tests/seeds.ts';

describe('synthetic OCR noise (benchmark only)', () => {
  const text = paragraphsOf(SEED.ninhThuan).join('\n\n');

  it('is reproducible and leaves numbers and identifiers as they are', () => {
    const a = degrade(text, 7);
    expect(degrade(text, 7)).toBe(a);
    expect(degrade(text, 8)).not.toBe(a);
    const [t, d] = [tokenize(text), tokenize(a)];
    expect(d.length).toBe(t.length);
    t.forEach((x, i) => {
      if (x.kind === 'protected') expect(d[i]!.text).toBe(x.text);
    });
  });

  it('damages most syllables like the Rạch Giá scan, keeping the token count', () => {
    const [t, d] = [tokenize(text), tokenize(degrade(text, 1))];
    expect(d.length).toBe(t.length);
    const words = t.map((x, i) => [x, d[i]!] as const).filter(([x]) => x.kind === 'word');
    const same = words.filter(([x, y]) => x.text === y.text).length;
    // the issue measured about 16% right as scanned on seed 002
    expect(same / words.length).toBeGreaterThan(0.1);
    expect(same / words.length).toBeLessThan(0.4);
  });
});
