// What a shared link and a journalist see of every page: a title and a full-sentence
// description in Open Graph, the date the library was updated, and no canonical URL that
// points nowhere (the 404 page has none).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureSite, htmlPages } from './helpers/site.ts';

const dist = await ensureSite();
const pages = htmlPages(dist).filter((p) => !p.startsWith('/pagefind/'));
const html = (path: string) => readFileSync(join(dist, path.endsWith('/') ? `${path}index.html` : path), 'utf8');
const meta = (page: string, key: string) => new RegExp(`<meta (?:name|property)="${key}" content="([^"]*)"`).exec(page)?.[1] ?? null;

describe('every page', () => {
  it.each(pages)('%s has Open Graph tags, a sentence as description and its update date', (path) => {
    const page = html(path);
    expect(meta(page, 'og:title')).toBeTruthy();
    expect(meta(page, 'og:locale')).toBe('vi_VN');
    const description = meta(page, 'description')!;
    expect(meta(page, 'og:description')).toBe(description);
    // A sentence: starts with a capital, ends with a full stop, not a fragment in capitals.
    expect(description).toMatch(/^\p{Lu}.*[.…]$/u);
    expect(description).not.toMatch(/^[\p{Lu}\s]{12}/u);
    expect(page).toMatch(/Cập nhật \d{2}\/\d{2}\/\d{4}/);
    const canonical = /<link rel="canonical" href="([^"]*)"/.exec(page)?.[1];
    if (path === '/404.html') expect(canonical).toBeUndefined();
    else expect(new URL(canonical!).pathname).toBe(path);
  });
});
