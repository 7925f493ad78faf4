// Text reuse (issue 15): per plan the shares reused / adapted / own against each source, per paragraph its closest source paragraph and score.
import type { APIRoute } from 'astro';
import { reuse } from '../../utils/reuse.ts';

export const GET: APIRoute = () => new Response(`${JSON.stringify(reuse().data, null, 1)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
