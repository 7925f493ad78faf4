import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileStore } from './file-store.ts';

const dir = mkdtempSync(join(tmpdir(), 'file-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the store of published files', () => {
  it('makes a file once, then links the stored one into a later build while its key is the same', () => {
    let made = 0;
    const make = () => `made ${++made}`;
    const first = new FileStore(join(dir, 'store'), 'v1');
    first.place(join(dir, 'a', 'x', 'f.txt'), 'k', make);
    expect(first.counts).toEqual({ reused: 0, made: 1 });
    const second = new FileStore(join(dir, 'store'), 'v1');
    second.place(join(dir, 'b', 'x', 'f.txt'), 'k', make);
    expect(second.counts).toEqual({ reused: 1, made: 0 });
    expect(readFileSync(join(dir, 'b', 'x', 'f.txt'), 'utf8')).toBe('made 1');
    expect(statSync(join(dir, 'b', 'x', 'f.txt')).ino).toBe(statSync(join(dir, 'a', 'x', 'f.txt')).ino);
    // Another key, or other code (version): made afresh.
    new FileStore(join(dir, 'store'), 'v1').place(join(dir, 'c', 'f.txt'), 'k2', make);
    new FileStore(join(dir, 'store'), 'v2').place(join(dir, 'd', 'f.txt'), 'k', make);
    expect(readFileSync(join(dir, 'c', 'f.txt'), 'utf8')).toBe('made 2');
    expect(readFileSync(join(dir, 'd', 'f.txt'), 'utf8')).toBe('made 3');
  });

  it('keeps nothing of a file whose making failed, and lists what a build did not place', () => {
    const store = new FileStore(join(dir, 'store2'), 'v1');
    expect(() => store.place(join(dir, 'e', 'f.txt'), 'k', () => { throw new Error('interrupted'); })).toThrow('interrupted');
    expect(readdirSync(join(dir, 'store2'))).toEqual([]);
    expect(existsSync(join(dir, 'e', 'f.txt'))).toBe(false);
    const first = store.place(join(dir, 'e', 'f.txt'), 'k', () => 'one');
    const later = new FileStore(join(dir, 'store2'), 'v1');
    const second = later.place(join(dir, 'g', 'f.txt'), 'other', () => 'two');
    expect(readdirSync(join(dir, 'store2')).sort()).toEqual([first, second].sort());
    expect(later.unused()).toEqual([join(dir, 'store2', first)]);
  });
});
