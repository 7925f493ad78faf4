// What a phone shows: for a built page at a given viewport width, how wide the page is
// (scrollWidth against innerWidth: more means sideways scrolling) and the smallest text
// drawn in its charts (SVG text as rendered, in CSS px). Used by `npm run bench:phone`
// and by the browser tests (tests/browser/phone.test.ts).
import type { Page } from 'playwright-core';

export const PHONE_WIDTHS = [320, 360, 390] as const;

export interface PhoneMeasure {
  width: number;
  scrollWidth: number;
  /** Smallest rendered font size of chart text (px), null when the page has no chart. */
  chartTextPx: number | null;
  /** The element sticking out furthest to the right, for a report ("tag.class"), when too wide. */
  widest: string | null;
}

/** Measure the page already loaded in `page` at its current viewport. */
export async function measurePhone(page: Page): Promise<PhoneMeasure> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const scrollWidth = document.documentElement.scrollWidth;
    let chartTextPx: number | null = null;
    for (const text of document.querySelectorAll('svg text')) {
      const h = text.getBoundingClientRect().height;
      if (!h) continue;
      // Rendered size = computed font size × the SVG's scale (rendered width / viewBox width).
      const svg = text.closest('svg')!;
      const scale = svg.getBoundingClientRect().width / (svg.viewBox.baseVal?.width || svg.getBoundingClientRect().width);
      const px = parseFloat(getComputedStyle(text).fontSize) * scale;
      chartTextPx = chartTextPx === null ? px : Math.min(chartTextPx, px);
    }
    let widest: string | null = null;
    if (scrollWidth > width) {
      let right = width;
      for (const el of document.body.querySelectorAll('*')) {
        const r = el.getBoundingClientRect().right;
        if (r > right + 0.5) {
          right = r;
          widest = `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''}`;
        }
      }
    }
    return { width, scrollWidth, chartTextPx, widest };
  });
}
