// Where a plan page's bytes go, for deciding the page-weight budget (it is not a budget
// itself): for each part, the gzip bytes the page would lose without it, and the document
// part (<article>) alone against the plan's text. Parts are found by this site's own markup.
import { gzipSize } from './measure.ts';

export interface PagePart {
  /** Vietnamese label for the report. */
  name: string;
  pattern: RegExp;
}

export const PLAN_PAGE_PARTS: readonly PagePart[] = [
  { name: 'CSS', pattern: /<style[^>]*>[\s\S]*?<\/style>/g },
  { name: 'JSON-LD', pattern: /<script type="application\/ld\+json">[\s\S]*?<\/script>/g },
  { name: 'Đầu, chân trang', pattern: /<a class="skip"[\s\S]*?<\/header>|<footer[\s\S]*?<\/footer>/g },
  { name: 'Thông tin văn bản', pattern: /<dl class="meta">[\s\S]*?<\/dl>/g },
  { name: 'Mục lục', pattern: /<details class="outline">[\s\S]*?<\/details>/g },
  { name: 'Bảng chỉ tiêu', pattern: /<section class="plan-targets[^"]*"[^>]*>[\s\S]*?<\/section>/g },
  { name: 'Liên kết ¶', pattern: /<a id="[^"]+" href="#[^"]+">¶<\/a>/g },
];

export interface PartCost {
  name: string;
  /** How many times the part occurs on the page (0: the page has none). */
  count: number;
  /** Gzip bytes of the page minus gzip bytes of the page without the part. */
  bytes: number;
}

export function partCosts(html: string, parts: readonly PagePart[] = PLAN_PAGE_PARTS): PartCost[] {
  const whole = gzipSize(html);
  return parts.map(({ name, pattern }) => {
    const count = html.match(pattern)?.length ?? 0;
    return { name, count, bytes: count ? whole - gzipSize(html.replace(pattern, '')) : 0 };
  });
}

/** The page's document part (its <article>), or null when it has none. */
export function documentPart(html: string): string | null {
  return /<article[\s>][\s\S]*<\/article>/.exec(html)?.[0] ?? null;
}
