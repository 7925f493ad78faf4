// What a piece of work costs this process and the processes it starts (Pagefind's services),
// read from /proc: this process's peak memory (VmHWM, reset first) and CPU time; each child's
// peak, CPU time, and the resident total of all of them at once, sampled every 100 ms (a
// child's last 100 ms may be missed). On a shared machine CPU time is the steadier figure.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { parseProcStat } from './scale.ts';

export interface ProcessUsage {
  /** Peak resident bytes of this process (its worker threads included). */
  self: number;
  /** The largest peak of one child process. */
  childMax: number;
  /** This process and its children, resident at the same time. */
  tree: number;
  /** CPU time (user + system) of this process, ms. */
  selfCpuMs: number;
  /** CPU time of its children, ms. */
  childCpuMs: number;
}

/** A process's peak resident bytes (VmHWM), or 0 once it has gone. */
export function peakRssBytes(pid: number | 'self'): number {
  try {
    const m = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Clock ticks a second of /proc's CPU times (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** The children of this process now: resident bytes and CPU time so far (utime + stime, fields 14 and 15). */
function children(): { pid: number; rssBytes: number; cpuMs: number }[] {
  const found: { pid: number; rssBytes: number; cpuMs: number }[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const text = readFileSync(`/proc/${name}/stat`, 'utf8');
      const stat = parseProcStat(text);
      if (stat.ppid !== process.pid) continue;
      const fields = text.slice(text.lastIndexOf(')') + 2).trim().split(/\s+/);
      found.push({ pid: stat.pid, rssBytes: stat.rssPages * 4096, cpuMs: ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND });
    } catch {
      // a process that ended between the listing and the read
    }
  }
  return found;
}

export async function usageWhile<T>(work: () => Promise<T>): Promise<{ result: T; usage: ProcessUsage }> {
  // Resets this process's VmHWM to its current RSS (Linux; without it, the peak since start).
  try {
    writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    // not Linux or not allowed
  }
  const before = children();
  const cpuBefore = process.cpuUsage();
  const usage: ProcessUsage = { self: 0, childMax: 0, tree: 0, selfCpuMs: 0, childCpuMs: 0 };
  const childCpu = new Map<number, number>();
  const sample = () => {
    const now = children().filter((c) => !before.some((b) => b.pid === c.pid));
    for (const c of now) {
      usage.childMax = Math.max(usage.childMax, peakRssBytes(c.pid));
      childCpu.set(c.pid, c.cpuMs);
    }
    usage.tree = Math.max(usage.tree, process.memoryUsage.rss() + now.reduce((n, c) => n + c.rssBytes, 0));
  };
  const timer = setInterval(sample, 100);
  try {
    const result = await work();
    const cpu = process.cpuUsage(cpuBefore);
    const self = peakRssBytes('self');
    // The samples are taken between tasks: work that never yields is seen through this process's peak.
    return { result, usage: { ...usage, self, tree: Math.max(usage.tree, self), selfCpuMs: (cpu.user + cpu.system) / 1000, childCpuMs: [...childCpu.values()].reduce((a, b) => a + b, 0) } };
  } finally {
    clearInterval(timer);
  }
}
