import { describe, expect, it } from 'vitest';
import { productionSiteError } from './site-url.ts';

describe('the site address of a build', () => {
  it('may default for dev and test builds', () => {
    expect(productionSiteError(['node', 'build.ts'], undefined)).toBeNull();
  });
  it('must be an explicit public https address for a production build', () => {
    expect(productionSiteError(['node', 'build.ts', '--production'], undefined)).toMatch(/SITE_URL/);
    expect(productionSiteError(['node', 'build.ts', '--production'], 'http://127.0.0.1:4321')).toMatch(/not a public/);
    expect(productionSiteError(['node', 'build.ts', '--production'], 'https://localhost/')).toMatch(/not a public/);
    expect(productionSiteError(['node', 'build.ts', '--production'], 'https://nq57.example.vn')).toBeNull();
  });
});
