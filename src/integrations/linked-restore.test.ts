import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { linkingFileFunctions } from './linked-restore.ts';

const work = mkdtempSync(join(tmpdir(), 'linked-restore-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const kept = join(work, 'cache', 'dist');
const out = join(work, 'out');
mkdirSync(join(kept, 'van-ban'), { recursive: true });
mkdirSync(out, { recursive: true });
const fsFunctions = linkingFileFunctions(`${kept}/`, `${out}/`);

it('links a kept page into the output instead of copying it (paths given as file: URLs, as Astro does)', async () => {
  writeFileSync(join(kept, 'van-ban', 'a.html'), 'trang cũ');
  await fsFunctions.copyFile(pathToFileURL(join(kept, 'van-ban', 'a.html')), pathToFileURL(join(out, 'a.html')));
  expect(statSync(join(out, 'a.html')).ino).toBe(statSync(join(kept, 'van-ban', 'a.html')).ino);
  expect(readFileSync(join(out, 'a.html'), 'utf8')).toBe('trang cũ');
});

it('writes a kept page as a new file: a site that linked the old one keeps it', async () => {
  writeFileSync(join(kept, 'van-ban', 'b.html'), 'trang cũ');
  await fsFunctions.copyFile(join(kept, 'van-ban', 'b.html'), join(out, 'b.html'));
  await fsFunctions.writeFile(pathToFileURL(join(kept, 'van-ban', 'b.html')), Buffer.from('trang mới'));
  expect(readFileSync(join(kept, 'van-ban', 'b.html'), 'utf8')).toBe('trang mới');
  expect(readFileSync(join(out, 'b.html'), 'utf8')).toBe('trang cũ');
});

it('copies and writes other files as node:fs does', async () => {
  writeFileSync(join(work, 'other.html'), 'khác');
  await fsFunctions.copyFile(join(work, 'other.html'), join(out, 'other.html'));
  expect(statSync(join(out, 'other.html')).ino).not.toBe(statSync(join(work, 'other.html')).ino);
  await fsFunctions.writeFile(join(out, 'other.html'), 'khác nữa');
  expect(readFileSync(join(out, 'other.html'), 'utf8')).toBe('khác nữa');
  expect(readFileSync(join(work, 'other.html'), 'utf8')).toBe('khác');
});

it('copies when the output already holds the file, as Astro would overwrite it', async () => {
  writeFileSync(join(kept, 'van-ban', 'c.html'), 'trang');
  writeFileSync(join(out, 'c.html'), 'cũ hơn');
  await fsFunctions.copyFile(join(kept, 'van-ban', 'c.html'), join(out, 'c.html'));
  expect(readFileSync(join(out, 'c.html'), 'utf8')).toBe('trang');
});

it("keeps a page it rendered as a link to the page in the output, when that holds the same bytes", async () => {
  // As Astro renders a page: the page into the output, then its kept copy (its folder made first), with the same body.
  mkdirSync(join(out, 'van-ban', 'd'), { recursive: true });
  mkdirSync(join(kept, 'van-ban', 'd'), { recursive: true });
  writeFileSync(join(out, 'van-ban', 'd', 'index.html'), 'trang mới');
  await fsFunctions.writeFile(pathToFileURL(join(kept, 'van-ban', 'd', 'index.html')), 'trang mới');
  expect(statSync(join(kept, 'van-ban', 'd', 'index.html')).ino).toBe(statSync(join(out, 'van-ban', 'd', 'index.html')).ino);
  // Bytes other than the page's are written as a file of their own.
  await fsFunctions.writeFile(pathToFileURL(join(kept, 'van-ban', 'd', 'index.html')), Buffer.from('trang khác'));
  expect(readFileSync(join(kept, 'van-ban', 'd', 'index.html'), 'utf8')).toBe('trang khác');
  expect(readFileSync(join(out, 'van-ban', 'd', 'index.html'), 'utf8')).toBe('trang mới');
});
