import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatScaleTable, parseGnuTime, parseProcStat, readStages, treeRssBytes, type ScaleRun } from './scale.ts';

// A real line of /proc/<pid>/stat (52 fields), the command name holding a space and a parenthesis.
const statLine = (pid: number, ppid: number, rss: number, comm = 'node') =>
  `${pid} (${comm}) S ${ppid} ${pid} ${pid} 0 -1 4194560 5120 0 0 0 120 30 0 0 20 0 11 0 4242 1234567 ${rss} 18446744073709551615 1 1 0 0 0 0 0 16781312 134235650 0 0 0 17 1 0 0 0 0 0 0 0 0 0 0 0 0 0`;

describe('parseProcStat', () => {
  it('reads the parent and resident pages, whatever the command name holds', () => {
    expect(parseProcStat(statLine(4242, 17, 9000))).toEqual({ pid: 4242, ppid: 17, rssPages: 9000 });
    expect(parseProcStat(statLine(5, 1, 12, 'astro (build) x'))).toEqual({ pid: 5, ppid: 1, rssPages: 12 });
  });
  it('refuses what is not a stat line', () => {
    expect(() => parseProcStat('hello')).toThrow();
    expect(() => parseProcStat('12 (x) S')).toThrow();
  });
});

describe('treeRssBytes', () => {
  const proc = mkdtempSync(join(tmpdir(), 'fake-proc-'));
  afterAll(() => rmSync(proc, { recursive: true, force: true }));
  // 10 → 11 → 12, and 20 elsewhere; "self" and a file that vanished are ignored.
  for (const [pid, ppid, rss] of [[10, 1, 100], [11, 10, 200], [12, 11, 50], [20, 1, 1000]] as const) {
    mkdirSync(join(proc, String(pid)));
    writeFileSync(join(proc, String(pid), 'stat'), statLine(pid, ppid, rss));
  }
  mkdirSync(join(proc, '30'));
  mkdirSync(join(proc, 'self'));
  it('sums a process and all its descendants, no other', () => {
    expect(treeRssBytes(10, proc, 4096)).toBe(350 * 4096);
    expect(treeRssBytes(11, proc, 4096)).toBe(250 * 4096);
    expect(treeRssBytes(99, proc, 4096)).toBe(0);
  });
  it('reads this very process from the real /proc', () => {
    expect(treeRssBytes(process.pid)).toBeGreaterThan(10 * 1024 * 1024);
  });
});

describe('parseGnuTime', () => {
  it('adds user and system seconds', () => {
    expect(parseGnuTime('12.34 1.05\n')).toBe(13_390);
    expect(parseGnuTime('Command exited with non-zero status 1\n0.50 0.25')).toBe(750);
  });
  it('refuses anything else', () => {
    expect(() => parseGnuTime('')).toThrow();
    expect(() => parseGnuTime('12.3')).toThrow();
  });
});

describe('readStages', () => {
  const report = { status: 'built', files: [], warnings: [], stages: [{ name: 'astro', ms: 1500, peakRssMb: 700 }] };
  it('reads the stages of a build report', () => {
    expect(readStages(JSON.stringify(report))).toEqual(report.stages);
  });
  it('refuses a report of another shape', () => {
    expect(() => readStages(JSON.stringify({ ...report, stages: [{ name: 'astro', ms: -1, peakRssMb: 1 }] }))).toThrow();
    expect(() => readStages('{')).toThrow();
  });
});

describe('formatScaleTable', () => {
  const run = (plans: number, astroMs: number, label?: string): ScaleRun => ({
    plans,
    ...(label ? { label } : {}),
    stages: [{ name: 'decode and parse', ms: 250, peakRssMb: 300 }, { name: 'astro', ms: astroMs, peakRssMb: 1024 }],
    wallMs: 4000 + astroMs,
    cpuMs: plans > 5 ? 150_500 : null,
    peakTreeRssBytes: 1.5 * 1024 ** 3,
    site: { pages: 12, distBytes: 3 * 1024 * 1024, searchBytes: 512 * 1024, kinds: [{ kind: 'van-ban', pages: 10, largest: { path: '/van-ban/x/', gzip: 20480 }, median: 11264 }] },
    firstQueryBytes: plans > 5 ? 90 * 1024 : null,
  });
  const table = formatScaleTable([run(5, 10_000), run(500, 100_000, '500 plans, rebuilt')]);
  const row = (label: string) => table.split('\n').find((l) => l.startsWith(`| ${label} |`));
  it('has one column per run and one row per figure', () => {
    expect(table.split('\n')[0]).toBe('| figure | 5 plans | 500 plans, rebuilt |');
    expect(row('stage: astro')).toBe('| stage: astro | 10.0 s | 100.0 s |');
    expect(row('total wall time')).toBe('| total wall time | 14.0 s | 104.0 s |');
    expect(row('wall time per plan')).toBe('| wall time per plan | 2.8 s | 0.2 s |');
    expect(row('CPU time (user + system, whole tree)')).toBe('| CPU time (user + system, whole tree) | not measured | 150.5 s |');
    expect(row('peak memory (RSS, whole process tree)')).toBe('| peak memory (RSS, whole process tree) | 1.50 GB | 1.50 GB |');
    expect(row('peak memory of one process (stage report)')).toBe('| peak memory of one process (stage report) | 1.00 GB | 1.00 GB |');
    expect(row('van-ban: pages, median gzip')).toBe('| van-ban: pages, median gzip | 10, 11.0 KB | 10, 11.0 KB |');
    expect(row('van-ban: largest gzip')).toBe('| van-ban: largest gzip | 20.0 KB /van-ban/x/ | 20.0 KB /van-ban/x/ |');
    expect(row('first search query (gzip)')).toBe('| first search query (gzip) | not measured | 90.0 KB |');
  });
});
