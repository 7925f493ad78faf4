// A larger content/generated made from a built one, to measure the list, indicator and
// findings pages at hundreds of plans without running the pipeline (bench:scale builds
// realistic plans from text; this only multiplies published data, quickly). Each clone is
// one of the local plans under a new id, locality, level and province (the 34 in turn),
// its targets' values varied (deterministic), its citations, findings and implementation
// links repeated for the new id. The plan text is the original's, so a varied value no longer
// matches its quote: a fixture for page sizes and layouts, never data to publish.
//   node scripts/bench/scaled-content.ts --from content/generated --to /tmp/g500 --plans 500
//   … --crowd "Hải Phòng" --share 0.8   (that share of the clones in one province)
import { copyFileSync, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { mulberry32 } from '../pipeline/random.ts';
import { planUrl } from '../contract/addresses.ts';
import { collectionText, DATA_FILES, PLAN_TEXTS, planTextFile } from '../contract/generated.ts';
import { levelOf, placeName } from '../search/synthetic.ts';
import { PROVINCES } from '../search/provinces.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const read = (dir: string, name: string) => JSON.parse(readFileSync(join(dir, name), 'utf8'));
const write = (dir: string, name: string, data: unknown) => writeFileSync(join(dir, name), JSON.stringify(data, null, 1));
/** A collection file as the build writes it: an entry a line, as the pages read it (parseCollection). */
const writeCollection = (dir: string, name: string, entries: unknown[]) => writeFileSync(join(dir, name), collectionText(entries));

/** One province given a share of the clones (the rest shared by the 34 in turn): a province with hundreds of plans. */
export interface Crowd { province: string; share: number }

/** Writes `to`: the plans of `from` plus clones up to `n` plans. */
export function scaleContent(from: string, to: string, n: number, seed = 57, crowd?: Crowd): void {
  mkdirSync(join(to, PLAN_TEXTS.folder), { recursive: true });
  cpSync(from, to, { recursive: true });
  const plans: Json[] = read(from, 'plans.json');
  const targets: Json[] = read(from, 'targets.json');
  const findings: Json[] = read(from, 'findings.json');
  const documents: Json[] = read(from, 'documents.json');
  const provinces: Json[] = read(from, 'provinces.json');
  const national: Json[] = read(from, 'national.json');
  const reuse: Json = read(from, 'reuse-shares.json');
  const comparisons: Json[] = read(from, 'comparisons.json');
  const textKeys: Record<string, string> = read(from, DATA_FILES.planTexts.file);
  const rnd = mulberry32(seed);
  const local = plans.filter((p) => p.metadata.level.value !== 'trung ương');
  const provinceByName = new Map(provinces.map((p) => [p.name, p]));
  const retarget = (t: Json, id: string, locality: string, level: string, factor: number): Json => ({
    ...t,
    id: t.id.replace(t.plan, id),
    plan: id,
    locality,
    level,
    value: Math.round(t.value * factor * 10) / 10,
    valueMax: t.valueMax == null ? null : Math.round(t.valueMax * factor * 10) / 10,
    url: t.url.replace(planUrl(t.plan), planUrl(id)),
  });
  const places = new Set(plans.map((p) => `${p.metadata.level.value}|${p.metadata.locality.value}`));
  const clones: Json[] = [];
  // Clone i goes to the crowded province when the running count of its share steps up.
  const crowded = (i: number) => crowd !== undefined && Math.floor((i + 1) * crowd.share) > Math.floor(i * crowd.share);
  for (let i = plans.length; i < n; i++) {
    const base = local[i % local.length]!;
    const province = crowded(i) ? crowd!.province : PROVINCES[i % PROVINCES.length]!.name;
    // A province's own plan, unless the library has it already (then a city's).
    const drawn = levelOf(Math.floor(i / PROVINCES.length));
    const taken = drawn === 'tỉnh' && places.has(`tỉnh|${province}`);
    const level = taken ? 'thành phố' : drawn;
    const locality = level === 'tỉnh' ? province : placeName(i);
    places.add(`${level}|${locality}`);
    const id = `${base.id}-${i}`;
    const meta = base.metadata;
    const clone = {
      ...base,
      id,
      url: planUrl(id),
      sourceUrl: base.sourceUrl.replace(base.id, id),
      docId: null,
      implementedBy: [],
      metadata: {
        ...meta,
        locality: { value: locality, source: 'text' },
        level: { value: level, source: 'text' },
        province: { value: province, source: 'text' },
        provinceNow: { value: province, source: 'text' },
        date: { value: `2025-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`, source: 'text' },
      },
    };
    clones.push(clone);
    // The text is the base plan's (its id is in the file's name only), and so is the text's key.
    copyFileSync(join(from, planTextFile(base.id)), join(to, planTextFile(id)));
    textKeys[id] = textKeys[base.id]!;
    const factor = 0.6 + rnd() * 0.8;
    for (const t of targets.filter((x) => x.plan === base.id)) targets.push(retarget(t, id, locality, level, factor));
    for (const f of findings.filter((x) => x.plan === base.id && x.kind !== 'differs-from-parent')) {
      findings.push({
        ...f,
        id: `${f.id}-${i}`,
        plan: id,
        text: f.text.split(meta.locality.value ?? '\u0000').join(locality),
        // Its targets named by id (findings.json): the clone's own, retargeted above.
        ...(f.targetId ? { targetId: f.targetId.replace(base.id, id) } : {}),
        ...(f.targetIds ? { targetIds: f.targetIds.map((t: string) => t.replace(base.id, id)) } : {}),
      });
    }
    for (const d of documents) {
      d.citations.push(...d.citations.filter((c: Json) => c.planId === base.id).map((c: Json) => ({ ...c, planId: id })));
      if (d.implementedBy.includes(base.id)) d.implementedBy.push(id);
    }
    for (const ref of national) if (ref.implementedBy.includes(base.id)) ref.implementedBy.push(id);
    for (const p of plans) if (p.implementedBy.includes(base.id)) p.implementedBy.push(id);
    provinceByName.get(province)?.plans.push(id);
    const reused = reuse.plans.find((r: Json) => r.plan === base.id);
    if (reused) reuse.plans.push({ ...reused, plan: id });
    comparisons.push(...comparisons.filter((c) => c.plan === base.id).map((c) => ({ ...c, plan: id })));
  }
  writeCollection(to, 'plans.json', [...plans, ...clones]);
  writeCollection(to, 'targets.json', targets);
  writeCollection(to, 'findings.json', findings);
  writeCollection(to, 'documents.json', documents);
  writeCollection(to, 'provinces.json', provinces);
  writeCollection(to, 'national.json', national);
  write(to, 'reuse-shares.json', reuse);
  write(to, 'comparisons.json', comparisons);
  write(to, DATA_FILES.planTexts.file, textKeys);
}

if (import.meta.main) {
  const { values } = parseArgs({ options: {
    from: { type: 'string', default: 'content/generated' }, to: { type: 'string' }, plans: { type: 'string', default: '500' },
    crowd: { type: 'string' }, share: { type: 'string', default: '0.8' },
  } });
  if (!values.to) throw new Error('--to <folder> is required');
  if (values.crowd && !PROVINCES.some((p) => p.name === values.crowd)) throw new Error(`--crowd: no province named ${values.crowd}`);
  scaleContent(values.from, values.to, Number(values.plans), 57, values.crowd ? { province: values.crowd, share: Number(values.share) } : undefined);
  console.log(`${values.to}: ${values.plans} plans`);
}
