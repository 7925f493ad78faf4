import { describe, expect, it } from 'vitest';
import { serialize } from 'node:v8';
import { isUnread, lazyArray, realArray } from './lazy-array.ts';

const blocks = () => [
  { id: 'a', text: 'Một' },
  { id: 'b', text: 'Hai' },
];

describe('lazyArray', () => {
  it('is read once, when first looked into, and then behaves as the array it stands for', () => {
    let reads = 0;
    const list = lazyArray(() => (reads++, blocks()));
    const plan = { id: 'p', blocks: list };
    const copy = { ...plan, id: 'q' };
    expect(copy.blocks).toBe(list);
    expect(Array.isArray(list)).toBe(true);
    expect(reads).toBe(0);
    expect(isUnread(list)).toBe(true);
    expect(list.length).toBe(2);
    expect(reads).toBe(1);
    expect(isUnread(list)).toBe(false);
    expect(list.map((b) => b.id)).toEqual(['a', 'b']);
    expect([...list]).toEqual(blocks());
    expect(JSON.stringify(copy)).toBe(JSON.stringify({ id: 'q', blocks: blocks() }));
    expect(Object.keys(list)).toEqual(['0', '1']);
    expect(list.filter((b) => b.id === 'b')).toEqual([blocks()[1]]);
    expect(reads).toBe(1);
  });

  it('gives the real array where structured cloning needs it; any other array is its own', () => {
    const list = lazyArray(blocks);
    expect(() => serialize(list)).toThrow();
    expect(serialize(realArray(list))).toEqual(serialize(blocks()));
    const plain = blocks();
    expect(realArray(plain)).toBe(plain);
    expect(isUnread(plain)).toBe(false);
  });
});
