// A finding as findings.json holds it (its targets named by id) and as the pages read it (its
// targets whole): the pipeline writes the one, the pages resolve it back into the other.
import type { FindingEntry, IdentifiedFinding, Target } from './schemas/targets.ts';

/** The entry of findings.json for a finding: its targets by id. */
export function findingEntry(finding: IdentifiedFinding): FindingEntry {
  const { id, plan, indicator, year, text } = finding;
  const base = { id, plan, indicator, year, text };
  switch (finding.kind) {
    case 'conflicting-targets':
      return { kind: finding.kind, ...base, targetIds: finding.targets.map((t) => t.id) };
    case 'national-not-restated':
      return { kind: finding.kind, ...base, referenceId: finding.reference.id };
    default:
      return { kind: finding.kind, ...base, targetId: finding.target.id, referenceId: finding.reference.id, direction: finding.direction };
  }
}

/** Every target by its id; an id given twice would make a finding name two targets, so it stops the build. */
export function targetsById(targets: readonly Target[]): ReadonlyMap<string, Target> {
  const byId = new Map<string, Target>();
  for (const t of targets) {
    if (byId.has(t.id)) throw new Error(`two targets have the id ${t.id}: a finding naming it would be ambiguous`);
    byId.set(t.id, t);
  }
  return byId;
}

/** The finding of an entry of findings.json, its targets looked up by id (a missing one stops the build). */
export function resolveFinding(entry: FindingEntry, byId: ReadonlyMap<string, Target>): IdentifiedFinding {
  const target = (id: string) => {
    const found = byId.get(id);
    if (!found) throw new Error(`finding ${entry.id} names target ${id}, which targets.json does not hold`);
    return found;
  };
  const { id, plan, indicator, year, text } = entry;
  const base = { id, plan, indicator, year, text };
  switch (entry.kind) {
    case 'conflicting-targets':
      return { kind: entry.kind, ...base, targets: entry.targetIds.map(target) };
    case 'national-not-restated':
      return { kind: entry.kind, ...base, reference: target(entry.referenceId) };
    default:
      return { kind: entry.kind, ...base, target: target(entry.targetId), reference: target(entry.referenceId), direction: entry.direction };
  }
}
