// The collection after a stage: made only when the heap grew by the threshold since the last one, so a
// rebuild's small stages pay none, and a stage that left much garbage still has it collected before the next.
import { describe, expect, it } from 'vitest';
import { collectAfterGrowth, StageClock } from './report.ts';

const MB = 2 ** 20;

describe('collectAfterGrowth', () => {
  it('collects after a stage that grew the heap by 128 MB since the last collection, not after small ones', () => {
    let inUse = 40 * MB;
    const collected: number[] = [];
    const clock = new StageClock(
      collectAfterGrowth(
        () => {
          collected.push(inUse / MB);
          inUse = Math.round(inUse / 2); // what the collection frees
        },
        () => inUse,
      ),
    );
    const stage = (name: string, grows: number) => clock.run(name, () => void (inUse += grows * MB));
    stage('reads', 400); // 440 MB in use: collected down to 220
    stage('small', 20); // 240: 20 MB more than after the last collection
    stage('small again', 100); // 340: 120 MB more
    stage('large', 60); // 400: 180 MB more
    expect(collected).toEqual([440, 400]);
    expect(clock.stages.map((s) => s.name)).toEqual(['reads', 'small', 'small again', 'large']);
    // The last stages: their garbage goes with the process.
    clock.lastStages();
    stage('last', 400);
    expect(collected).toEqual([440, 400]);
    expect(clock.stages.at(-1)?.name).toBe('last');
  });

  it('does nothing where Node runs without --expose-gc', () => {
    expect(() => collectAfterGrowth(undefined, () => 10_000 * MB)()).not.toThrow();
  });
});
