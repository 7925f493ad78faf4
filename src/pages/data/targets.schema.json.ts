// JSON Schema of targets.json.
import type { APIRoute } from 'astro';
import { targetsJsonSchema } from '../../../scripts/pipeline/targets/opendata.ts';

export const GET: APIRoute = () => new Response(`${JSON.stringify(targetsJsonSchema(), null, 2)}\n`, { headers: { 'Content-Type': 'application/schema+json; charset=utf-8' } });
