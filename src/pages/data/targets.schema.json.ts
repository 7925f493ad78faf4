// JSON Schema of targets.json, from its Zod schema.
import type { APIRoute } from 'astro';
import { targetsJsonSchema } from '../../../scripts/contract/json-schemas.ts';

export const GET: APIRoute = () => new Response(`${JSON.stringify(targetsJsonSchema(), null, 2)}\n`, { headers: { 'Content-Type': 'application/schema+json; charset=utf-8' } });
