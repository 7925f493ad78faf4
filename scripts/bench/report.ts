// The benchmark report as a plain-text table for the terminal, Vietnamese, vi-VN numbers.
import type { BenchReport, PageMeasure, PlanMeasure } from './measure.ts';

const kb = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const ratioFmt = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const int = new Intl.NumberFormat('vi-VN');

export const formatKB = (bytes: number) => `${kb.format(bytes / 1024)} KB`;
export const formatRatio = (r: number) => `${ratioFmt.format(r)}×`;

function table(header: string[], rows: string[][], rightAlign: boolean[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (rightAlign[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const verdict = (ok: boolean) => (ok ? 'ĐẠT' : 'KHÔNG ĐẠT');

export function formatReport(report: BenchReport): string {
  const plansByPath = new Map<string, PlanMeasure>(report.plans.map((p) => [p.path, p]));
  const row = (p: PageMeasure): string[] => {
    const plan = plansByPath.get(p.path);
    return [
      p.path,
      formatKB(p.htmlGzip),
      formatKB(p.cssGzip),
      formatKB(p.jsGzip),
      formatKB(p.totalGzip),
      plan ? formatKB(plan.textGzip) + (plan.includesOriginal ? ' *' : '') : '',
      plan ? formatRatio(plan.ratio) : '',
      plan ? (plan.withinBytes && plan.withinRatio ? 'đạt' : 'VƯỢT') : '',
    ];
  };
  const out: string[] = [];
  out.push(`Dung lượng tải về mỗi trang (gzip -6; HTML + CSS + JS mà trang tham chiếu, mỗi tệp tính một lần; 1 KB = 1.024 byte)`);
  out.push('');
  out.push(
    table(
      ['Trang', 'HTML', 'CSS', 'JS', 'Tổng', 'Văn bản', 'Tỷ lệ', 'Ngân sách'],
      report.pages.map(row),
      [false, true, true, true, true, true, true, false],
    ),
  );
  out.push('');
  if (report.plans.some((p) => p.includesOriginal)) {
    out.push('* văn bản gồm cả bản quét gốc (original) vì trang hiển thị nó.');
  }
  const missing = report.pages.filter((p) => p.unresolved.length > 0);
  for (const p of missing) out.push(`! ${p.path}: tham chiếu không tính được (ngoài site hoặc thiếu tệp): ${p.unresolved.join(', ')}`);
  out.push('Không tính: tệp tải động sau khi tương tác (chỉ mục Pagefind, wasm), ảnh, favicon.');
  out.push('');

  const n = report.plans.length;
  const bytesOk = report.plans.filter((p) => p.withinBytes).length;
  const ratioOk = report.plans.filter((p) => p.withinRatio).length;
  const biggest = report.plans.reduce<PlanMeasure | null>((m, p) => (!m || p.totalGzip > m.totalGzip ? p : m), null);
  const worst = report.plans.reduce<PlanMeasure | null>((m, p) => (!m || p.ratio > m.ratio ? p : m), null);
  out.push(
    `Trang văn bản ≤ ${formatKB(report.budget.planPageBytes)}: ${verdict(report.pass.bytes)} (${int.format(bytesOk)}/${int.format(n)}` +
      (biggest ? `, lớn nhất ${formatKB(biggest.totalGzip)} ${biggest.path})` : ')'),
  );
  out.push(
    `Trang văn bản ≤ ${formatRatio(report.budget.planTextRatio)} văn bản: ${verdict(report.pass.ratio)} (${int.format(ratioOk)}/${int.format(n)}` +
      (worst ? `, cao nhất ${formatRatio(worst.ratio)} ${worst.path})` : ')'),
  );
  out.push(
    report.buildMs == null
      ? 'Thời gian build: không rõ (dist/build-info.json không có)'
      : `Thời gian build: ${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(report.buildMs / 1000)} giây`,
  );
  out.push(`Tổng số trang: ${int.format(report.pages.length)}, trong đó ${int.format(n)} trang văn bản.`);
  if (n > 0) out.push('', formatBreakdown(report.plans));
  return out.join('\n');
}

/** Per plan page: the document part's own ratio, and the gzip bytes each other part adds. */
function formatBreakdown(plans: readonly PlanMeasure[]): string {
  const names = plans[0]!.parts.map((p) => p.name);
  const rows = plans.map((p) => [
    p.path,
    p.documentRatio == null ? '' : formatRatio(p.documentRatio),
    ...p.parts.map((part) => (part.count ? int.format(part.bytes) : '–')),
  ]);
  return [
    'Trang văn bản tốn byte ở đâu (gzip byte trang mất đi nếu bỏ phần đó; "Phần văn bản": riêng <article> so với văn bản):',
    '',
    table(['Trang', 'Phần văn bản', ...names], rows, [false, true, ...names.map(() => true)]),
  ].join('\n');
}
