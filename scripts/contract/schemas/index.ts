// The data contract of the pipeline and the site: Zod schemas of what the build generates,
// TypeScript types inferred from them. generated.ts says which file holds which.
export * from './document.ts';
export * from './targets.ts';
export * from './national.ts';
export * from './provinces.ts';
export * from './reuse.ts';
