// Text reuse (issue 15): per plan the shares reused / adapted / own against each source, per paragraph its closest source paragraph and score.
// Published as its schema orders it (read through the contract), and keyed by the digest of the
// generated file: a rebuild whose reuse is unchanged copies the last build's (110 MB at 3,500
// plans) instead of writing it again. One path, /data/reuse.json.
import type { APIRoute, GetStaticPaths } from 'astro';
import { DATA_FILES } from '../../../scripts/contract/generated.ts';
import { dataFileDigest } from '../../utils/generated-data.ts';
import { reuse } from '../../utils/reuse.ts';

export const getStaticPaths = (() => [{ params: { file: 'reuse' }, cacheKey: dataFileDigest('reuse') }]) satisfies GetStaticPaths;

export const GET: APIRoute = () => new Response(`${JSON.stringify(DATA_FILES.reuse.schema.parse(reuse().data), null, 1)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
