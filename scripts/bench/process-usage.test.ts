import { spawn } from 'node:child_process';
import { expect, it } from 'vitest';
import { usageWhile } from './process-usage.ts';

it('notes the peak memory and CPU time of this process and of a child it starts', async () => {
  // A child that fills 64 MB and then spends half a second of CPU.
  const child = `const a = Buffer.alloc(64 * 2 ** 20, 1); while (process.cpuUsage().user < 500_000); console.log(a.length);`;
  const { result, usage } = await usageWhile(
    () =>
      new Promise<number | null>((resolve) => {
        const c = spawn(process.execPath, ['-e', child], { stdio: 'ignore' });
        c.on('exit', resolve);
      }),
  );
  expect(result).toBe(0);
  expect(usage.childMax).toBeGreaterThan(64 * 2 ** 20);
  expect(usage.childCpuMs).toBeGreaterThanOrEqual(300);
  expect(usage.self).toBeGreaterThan(0);
  expect(usage.tree).toBeGreaterThanOrEqual(usage.self);
  expect(usage.tree).toBeGreaterThan(usage.childMax);
}, 60_000);
