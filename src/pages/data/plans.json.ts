// Open data: one object per plan (the metadata journalists filter and sort on).
import type { APIRoute } from 'astro';
import { allPlans } from '../../utils/plans.ts';
import { planSummary } from '../../utils/open-data.ts';

export const GET: APIRoute = async ({ site }) => {
  const plans = await allPlans();
  return new Response(JSON.stringify(plans.map((p) => planSummary(p, site!)), null, 1), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
