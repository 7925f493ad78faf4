// Frictionless Table Schema of targets.csv.
import type { APIRoute } from 'astro';
import { targetsTableSchema } from '../../../scripts/pipeline/targets/opendata.ts';

export const GET: APIRoute = () => new Response(`${JSON.stringify(targetsTableSchema(), null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
