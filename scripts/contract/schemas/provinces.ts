// The 34 provinces and centrally-run cities of today as published (content/generated/provinces.json).
import { z } from 'zod';

export const provinceEntrySchema = z.object({
  /** URL slug: /tinh-thanh/<id>/. */
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string(),
  kind: z.enum(['tỉnh', 'thành phố trực thuộc trung ương']),
  /** The provinces of before the merger that make it up (itself included when it kept its name). */
  formedFrom: z.array(z.string()),
  /** Ids of the plans issued inside it, any level, in the library's order. */
  plans: z.array(z.string()),
});
export type ProvinceEntry = z.infer<typeof provinceEntrySchema>;
