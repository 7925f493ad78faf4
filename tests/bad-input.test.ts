// Issue 12: what real offices send, and what a publisher must never publish. Real builds
// of fixture folders (tests/fixtures/bad-input.ts), each checked in its build report,
// its pages and its data.
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildReportSchema, type BuildReport } from '../scripts/build/report.ts';
import { runBuild, startBuild } from './helpers/fixture-build.ts';
import { APPENDIX, REFUSED, SAME_NUMBER_PLANS, TABLE_NUMBERS, communePlan, writeOfficeFolder } from './fixtures/bad-input.ts';
import { SEED, seedText } from './seeds.ts';

vi.setConfig({ testTimeout: 300_000 });

const work = mkdtempSync(join(tmpdir(), 'nq57-bad-input-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
const readReport = (dist: string): BuildReport => buildReportSchema.parse(readJson(join(dist, 'data', 'build-report.json')));
const pageText = (dist: string, id: string) => {
  const html = readFileSync(join(dist, 'van-ban', id, 'index.html'), 'utf8');
  return html.slice(html.indexOf('<main'), html.indexOf('</main>')).replace(/<[^>]+>/g, '').replace(/&amp;/g, '&');
};

/** Every file under a folder, relative path → SHA-256 (links listed as such). */
function treeHashes(dir: string): Record<string, string> {
  if (!existsSync(dir)) return {};
  const out: Record<string, string> = {};
  for (const path of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    const full = join(dir, path);
    const stat = lstatSync(full);
    if (stat.isSymbolicLink()) out[path] = 'symlink';
    else if (stat.isFile()) out[path] = createHash('sha256').update(readFileSync(full)).digest('hex');
  }
  return out;
}

const INVISIBLE = /[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ue000-\uf8ff]/u;

describe('a folder of what real offices send', () => {
  const dir = join(work, 'office');
  const { secret } = writeOfficeFolder(dir, join(work, 'outside'));
  const build = runBuild(dir);
  const report = build.status === 0 ? readReport(build.dist) : null;
  const account = (file: string) => report!.files.find((f) => f.file === file);
  const targets = build.status === 0 ? (readJson(join(build.dist, 'data', 'targets.json')) as { plan: string; value: number; quote: string }[]) : [];
  const planJson = (id: string) => readJson(join(build.dist, 'data', 'plans', `${id}.json`));

  it('builds, and the report (printed and published) accounts for every file and folder in seeds/', () => {
    expect(build.status, build.output).toBe(0);
    expect(report!.status).toBe('built');
    expect(report!.files.map((f) => f.file)).toEqual(readdirSync(join(dir, 'seeds')).sort());
    for (const f of report!.files) expect(build.stdout).toContain(f.file);
    expect(build.stdout).toMatch(/build report \(built\): 16 file\(s\) in seeds\//);
    expect(report!.stages.map((s) => s.name)).toEqual(expect.arrayContaining(['read seeds', 'read documents', 'restore scans', 'astro', 'search index']));
    for (const s of report!.stages) expect(s.peakRssMb).toBeGreaterThan(0);
  });

  it('never follows a symbolic link out of seeds/: reported, its target nowhere in dist/, and dist/ holds no link', () => {
    for (const file of ['link-to-secret.txt', 'linked-folder']) {
      expect(account(file)).toMatchObject({ outcome: 'skipped', reason: expect.stringMatching(/^symbolic link: not followed/) });
    }
    const hashes = treeHashes(build.dist);
    expect(Object.values(hashes)).not.toContain('symlink');
    for (const path of Object.keys(hashes)) expect(readFileSync(join(build.dist, path)).includes(Buffer.from(secret)), path).toBe(false);
    expect(JSON.stringify(report)).not.toContain(work); // no path of the build machine is published
  });

  it('skips hidden files, macOS "._" files and files that are not plans, each with a line', () => {
    expect(account('.hidden.txt')).toMatchObject({ outcome: 'skipped', reason: 'hidden file ("." prefix): ignored' });
    expect(account('.git')).toMatchObject({ outcome: 'skipped', reason: 'hidden folder ("." prefix): ignored' });
    expect(account('._a.txt')).toMatchObject({ outcome: 'skipped', reason: 'macOS metadata file ("._" prefix): ignored' });
    expect(account('notes.docx')).toMatchObject({ outcome: 'skipped', reason: expect.stringContaining('not a .txt plan (it is a ZIP archive') });
    expect(build.stdout).toMatch(/skipped\s+\._a\.txt — macOS metadata file/);
  });

  it('reads KE-HOACH.TXT (extension in capitals) and its sidecar saved with a byte-order mark', () => {
    expect(account('KE-HOACH.TXT')).toMatchObject({ outcome: 'published', plan: 'yet-kieu-09-kh-du', encoding: 'UTF-8', family: 'Kế hoạch hành động' });
    expect(account('KE-HOACH.meta.json')).toMatchObject({ outcome: 'sidecar', plan: 'KE-HOACH.TXT' });
    expect(planJson('yet-kieu-09-kh-du').sourceFile).toBe('KE-HOACH.TXT');
  });

  it.each([
    ['tcvn3.txt', 'TCVN3', /bảng mã TCVN3/, 'Phan Rang - Tháp Chàm'],
    ['vni-mis-converted.txt', 'VNI-Windows', /chuyển sai bảng mã: VNI-Windows/, 'Ban Thường vụ Tỉnh ủy xây dựng Chương trình hành động'],
    ['double-encoded.txt', 'UTF-8 encoded twice', /chuyển sai bảng mã: UTF-8 bị mã hoá hai lần/, 'phường Hòa Bình'],
  ])('converts %s (%s) and says so in the report, on the page and in its data; never as a scan', (file, encoding, note, words) => {
    const entry = account(file)!;
    expect(entry).toMatchObject({ outcome: 'published', encoding, conversion: expect.stringMatching(note) });
    expect(entry.warnings).toContain(`${file}: read as ${encoding} and converted to Unicode`);
    const text = pageText(build.dist, entry.plan!);
    expect(text).toMatch(note);
    expect(text).toContain(words);
    expect(text).not.toMatch(/[¦¥¬µ¸¹øûïñ]|Ã[\u00a0-\u00bf]|Ä‘|á»/); // traces of TCVN3, VNI, UTF-8 twice
    const data = planJson(entry.plan!);
    expect(data.ocr).toBeNull();
    expect(data.sourceEncoding).toMatchObject({ name: encoding, note: expect.stringMatching(note) });
    expect(data.title).not.toBeNull();
  });

  it('removes invisible characters before numbers are read: "1\u200b00%" is a target of 100%', () => {
    const id = account('invisible.txt')!.plan!;
    const values = targets.filter((t) => t.plan === id).map((t) => t.value).sort((a, b) => a - b);
    expect(values).toEqual([50, 100]);
    const data = JSON.stringify(planJson(id));
    expect(data).not.toMatch(INVISIBLE);
    expect(readFileSync(join(build.dist, 'data', 'targets.csv'), 'utf8').slice(1)).not.toMatch(INVISIBLE);
    expect(pageText(build.dist, id)).toContain('Phủ sóng mạng di động 5G tại trung tâm xã và các khu dân cư tập trung.');
    expect(planJson(id).paragraphs).toContainEqual(expect.objectContaining({ kind: 'item', text: 'Lưu.' })); // the Wingdings bullet
  });

  it('keeps every number of a table copied one cell per line', () => {
    const id = account('table.txt')!.plan!;
    const text = planJson(id).paragraphs.map((p: { text: string }) => p.text).join('\n');
    const cells: string[] = text.slice(text.indexOf('STT')).split(/\s*\n\s*/);
    expect(cells.filter((c) => /^\d+$/.test(c))).toEqual(TABLE_NUMBERS);
    // Nothing was removed as a page number (the fixture has no header: the metadata it lacks is reported).
    expect(account('table.txt')!.warnings.filter((w) => !w.includes('không đọc được'))).toEqual([]);
  });

  it('publishes two different plans that share a local number, reporting both names', () => {
    const [one, two] = [account('same-number-1.txt')!, account('same-number-2.txt')!];
    expect(one.outcome).toBe('published');
    expect(two.outcome).toBe('published');
    expect(one.plan).not.toBe(two.plan);
    const line = 'same-number-2.txt and same-number-1.txt: same number 12-KH/ĐU but different texts';
    for (const a of [one, two]) expect(a.warnings.join('\n')).toContain(line);
    expect(build.stderr).toContain(`warning: ${line}`);
    expect(pageText(build.dist, two.plan!)).toContain(SAME_NUMBER_PLANS[1]!.split('\n').find((l) => l.includes('sầu riêng'))!.slice(2));
  });

  it('extracts the targets of an appendix after the signature', () => {
    const quote = APPENDIX.trim().split('\n').at(-1)!.slice(2);
    expect(targets.filter((t) => t.plan === 'ninh-thuan-319-ctr-tu' && t.value === 75).map((t) => t.quote)).toEqual([quote]);
    expect(readFileSync(join(build.dist, 'data', 'targets.csv'), 'utf8')).toContain(quote);
  });
});

describe('files that stop the build', () => {
  const dir = join(work, 'refused');
  mkdirSync(join(dir, 'seeds'), { recursive: true });
  for (const [file, content] of Object.entries(REFUSED)) writeFileSync(join(dir, 'seeds', file), content);
  // Over the size limit: refused before it is read.
  writeFileSync(join(dir, 'seeds', 'huge.txt'), seedText(SEED.ninhThuan).repeat(90));
  const build = runBuild(dir);

  it('stops naming every file, what it is and what to do, with the report printed, and writes nothing', () => {
    expect(build.status).toBe(1);
    expect(build.stderr).toMatch(/build report \(stopped\)/);
    expect(build.stderr).toMatch(/scan\.txt: is a PDF document, not a plain-text plan: open it and save or export it as plain text/);
    expect(build.stderr).toMatch(/exported\.txt: is an RTF document, not a plain-text plan/);
    expect(build.stderr).toMatch(/saved-page\.txt: is a web page \(HTML\), not a plain-text plan/);
    expect(build.stderr).toMatch(/huge\.txt: is 3[.,]\d MB, over the 3 MB limit for one plan/);
    expect(build.stderr).toMatch(/STOPPED\s+huge\.txt/);
    expect(build.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(existsSync(build.dist)).toBe(false);
    expect(existsSync(build.content)).toBe(false);
    expect(readdirSync(dir).filter((f) => /\.(tmp|old)-\d+$/.test(f))).toEqual([]);
  });

  it('reports every error of a sidecar with its path in one message (unknown key, impossible date, BOM accepted)', () => {
    const line = build.stderr.split('\n').find((l) => l.includes('good.meta.json: sidecar'))!;
    expect(line).toContain('fields.date.value: a real date written YYYY-MM-DD');
    expect(line).toContain('(top level): Unrecognized key: "feilds"');
    expect(line).not.toContain('\ufeff');
    expect(line).not.toMatch(/not valid JSON/);
  });
});

describe('the same seeds under two locales', () => {
  const seeds: Record<string, string> = {
    'a.txt': seedText(SEED.ninhThuan),
    // Two plans whose ids clash: which one gets "-2" follows the file order, whatever the locale.
    'đa.txt': communePlan('xã Hòa Lợi', '12-KH/ĐU', ['Đến năm 2028, 90% trường học của xã ứng dụng sổ điểm điện tử và học bạ số.']),
    'dz.txt': communePlan('xã Hòa Lợi', '12-KH/ĐU', ['Đến năm 2029, 60% hợp tác xã nông nghiệp bán sản phẩm trên sàn thương mại điện tử.']),
    'Ư.txt': communePlan('xã Phước Hưng', '14-KH/ĐU', ['Xây dựng 3 mô hình trồng lúa thông minh có cảm biến đo mực nước ruộng.']),
    'u.txt': communePlan('xã Phước Hưng', '14-KH/ĐU', ['Cấp mã vùng trồng điện tử cho các cánh đồng sầu riêng xuất khẩu của xã.']),
  };
  const builds = ['C.UTF-8', 'vi_VN.UTF-8'].map((locale) => {
    const dir = join(work, `locale-${locale}`);
    mkdirSync(join(dir, 'seeds'), { recursive: true });
    for (const [file, content] of Object.entries(seeds)) writeFileSync(join(dir, 'seeds', file), content);
    return runBuild(dir, { LANG: locale, LC_ALL: locale });
  });

  it('give byte-identical sites (times and memory in the report aside)', () => {
    for (const b of builds) expect(b.status, b.output).toBe(0);
    const [c, vi] = builds.map((b) => treeHashes(b.dist));
    // The report and build-info note times: compared without them.
    for (const timed of ['data/build-report.json', 'build-info.json']) {
      expect(c![timed]).toBeDefined();
      delete c![timed];
      delete vi![timed];
    }
    expect(vi).toEqual(c);
    const [rc, rv] = builds.map((b) => ({ ...readReport(b.dist), stages: [] }));
    expect(rv).toEqual(rc);
    expect(rc!.files.map((f) => [f.file, f.plan])).toEqual([
      ['a.txt', 'ninh-thuan-319-ctr-tu'],
      ['dz.txt', '12-kh-du'],
      ['u.txt', '14-kh-du'],
      ['đa.txt', '12-kh-du-2'],
      ['Ư.txt', '14-kh-du-2'],
    ]);
    expect(treeHashes(builds[0]!.content)).toEqual(treeHashes(builds[1]!.content));
  });
});

describe('an interrupted build', () => {
  const dir = join(work, 'locale-C.UTF-8');
  const waitFor = async (condition: () => boolean, ms = 240_000) => {
    for (const start = Date.now(); !condition(); ) {
      if (Date.now() - start > ms) throw new Error('timed out');
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const leftovers = () => readdirSync(dir).filter((f) => /\.(tmp|old|data)-\d+$/.test(f));

  it('killed mid-way (SIGTERM, during the Astro build) leaves content/ and dist/ as they were, and no temporary folder', async () => {
    const before = { content: treeHashes(join(dir, 'content')), dist: treeHashes(join(dir, 'dist')) };
    expect(Object.keys(before.dist).length).toBeGreaterThan(10);
    writeFileSync(join(dir, 'seeds', 'new.txt'), seedText(SEED.yetKieu));
    const child = startBuild(dir);
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await waitFor(() => readdirSync(dir).some((f) => /^dist\.tmp-\d+$/.test(f)) || child.exitCode !== null);
    expect(child.exitCode).toBeNull();
    child.kill('SIGTERM');
    expect(await exited).toBe(130);
    expect(leftovers()).toEqual([]);
    expect(treeHashes(join(dir, 'content'))).toEqual(before.content);
    expect(treeHashes(join(dir, 'dist'))).toEqual(before.dist);
  });

  it('killed with SIGKILL leaves folders the next build undoes, even one that stops', async () => {
    const before = { content: treeHashes(join(dir, 'content')), dist: treeHashes(join(dir, 'dist')) };
    const child = startBuild(dir);
    const exited = new Promise((resolve) => child.on('exit', resolve));
    // Mid-build: the pipeline has placed the site's data in the fresh content folder Astro reads.
    await waitFor(() => readdirSync(dir).some((f) => /^content\.tmp-\d+$/.test(f) && existsSync(join(dir, f, 'plans.json'))) || child.exitCode !== null);
    expect(child.exitCode).toBeNull();
    process.kill(-child.pid!, 'SIGKILL'); // the build and its Astro process, as a crash would
    await exited;
    expect(leftovers().length).toBeGreaterThan(0);
    writeFileSync(join(dir, 'seeds', 'bad.txt'), new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x0a, 0x00]));
    const next = runBuild(dir);
    expect(next.status).toBe(1);
    expect(leftovers()).toEqual([]);
    expect(treeHashes(join(dir, 'content'))).toEqual(before.content);
    expect(treeHashes(join(dir, 'dist'))).toEqual(before.dist);
  });
});
