// The search page's script: reads ?q= and filters from the URL, runs the query
// (and its "d" → "đ" variants) through Pagefind's JS API, renders results with
// DOM nodes (document text is never parsed as HTML).
import { parseQuery, queryVariants, type ParsedQuery } from '../../scripts/search/query.ts';
import { excerptParts, formatDate, mergeRuns, paragraphExcerpt, preferPhrase, topParagraphs } from '../../scripts/search/results.ts';

/**
 * Plans whose text is fetched per screen: each costs one fragment download (a whole
 * plan, ~9 KB gzip, twice that for a restored scan), so 3 keeps a first query under
 * the 120 KB budget; "Xem thêm kết quả" fetches the next 3.
 */
const PAGE_SIZE = 3;
const PARAGRAPHS_PER_RESULT = 3;
/** Pagefind's default bonus for the exact spelling typed. */
const DIACRITIC_SIMILARITY = 0.8;
const nf = new Intl.NumberFormat('vi-VN');
const collator = new Intl.Collator('vi');

interface PfAnchor { id: string; title?: string; location: number }
interface PfSub { title: string; url: string; excerpt: string }
interface PfData { url: string; content: string; excerpt: string; meta: Record<string, string>; anchors: PfAnchor[]; sub_results: PfSub[] }
interface PfHit { id: string; score: number; data: () => Promise<PfData> }
interface PfResponse { results: PfHit[] }
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string, o?: { filters?: Record<string, string> }): Promise<PfResponse | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

let pagefindPromise: Promise<Pagefind> | null = null;
function loadPagefind(): Promise<Pagefind> {
  pagefindPromise ??= (async () => {
    const url = `${import.meta.env.BASE_URL.replace(/\/?$/, '/')}pagefind/pagefind.js`;
    const pf = (await import(/* @vite-ignore */ url)) as Pagefind;
    // No worker: one JS file less on the first query; the index is small enough for the main thread.
    await pf.options({ excerptLength: 34, noWorker: true });
    await pf.init();
    return pf;
  })();
  // A failed load (offline, say) is retried by the next search.
  pagefindPromise.catch(() => (pagefindPromise = null));
  return pagefindPromise;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text != null) e.textContent = text;
  return e;
}

function excerptNode(text: string, words: string[]): HTMLParagraphElement {
  const p = el('p', 'result-excerpt');
  const ex = paragraphExcerpt(text, words);
  if (ex.before) p.append('… ');
  for (const part of ex.parts) p.append(part.mark ? el('mark', undefined, part.text) : part.text);
  if (ex.after) p.append(' …');
  return p;
}

/**
 * Every paragraph of the page with its text (the words from its anchor to the
 * next), so paragraphs are chosen on their text whichever spelling variant
 * Pagefind matched.
 */
function paragraphsOf(data: PfData): { url: string; title: string; text: string }[] {
  const words = data.content.split(/[\r\n\s]+/g);
  const anchors = [...data.anchors].sort((a, b) => a.location - b.location);
  return anchors.map((a, i) => ({
    url: `${data.url}#${encodeURIComponent(a.id)}`,
    title: a.title ?? '',
    text: words.slice(a.location, anchors[i + 1]?.location ?? words.length).join(' '),
  }));
}

function renderResult(data: PfData, q: ParsedQuery): HTMLLIElement {
  const li = el('li', 'result');
  const h = el('h2');
  const a = el('a', undefined, data.meta.title ?? data.url);
  a.href = data.url;
  h.append(a);
  li.append(h);
  const facts = [data.meta.kind, data.meta.locality, data.meta.level, data.meta.type, data.meta.date && formatDate(data.meta.date)].filter(Boolean);
  if (facts.length) li.append(el('p', 'result-meta', facts.join(' · ')));
  const paragraphs = paragraphsOf(data);
  const best = topParagraphs(paragraphs, q.words, PARAGRAPHS_PER_RESULT, q.phrase);
  if (best.length) {
    const ul = el('ul', 'result-paragraphs');
    for (const s of best) {
      const item = el('li');
      const link = el('a', 'result-section', s.title);
      link.href = s.url;
      item.append(link, excerptNode(s.text, q.words));
      ul.append(item);
    }
    li.append(ul);
  } else if (!paragraphs.length) li.append(excerptNode(data.content, q.words));
  else {
    // Only Pagefind's looser matching (word prefixes, metadata) found this page: show its excerpt.
    const p = el('p', 'result-excerpt');
    for (const part of excerptParts(data.sub_results[0]?.excerpt ?? data.excerpt)) p.append(part.mark ? el('mark', undefined, part.text) : part.text);
    li.append(p);
  }
  return li;
}

/**
 * Runs the query and its "d" → "đ" variants. For several words the phrase
 * search runs too (same index chunks, no extra bytes): pages where the words
 * stand together come first; a quoted query keeps only those.
 */
async function runQuery(pf: Pagefind, q: ParsedQuery, filters: Record<string, string>) {
  const variants = queryVariants(q);
  // Pagefind boosts words spelled exactly as typed: right for "Đồng Tháp", wrong
  // for "dong thap", where the bare spelling is a phone habit, not a choice.
  await pf.options({ ranking: { diacriticSimilarity: q.hasMarks ? DIACRITIC_SIMILARITY : 0 } });
  const run = async (text: string, weight: number) => ({ weight, results: (await pf.search(text, { filters }))?.results ?? [] });
  const loose = mergeRuns(await Promise.all(variants.map((v) => run(v.text.replace(/"/g, ''), v.weight))));
  if (q.words.length < 2) return loose;
  const phrase = mergeRuns(await Promise.all(variants.map((v) => run(`"${v.text.replace(/"/g, '')}"`, v.weight))));
  return preferPhrase(loose, new Set(phrase.map((p) => p.hit.id)), q.phrase);
}

function readState(form: HTMLFormElement) {
  const params = new URLSearchParams(location.search);
  const filters: Record<string, string> = {};
  for (const select of form.querySelectorAll<HTMLSelectElement>('select[data-filter]')) {
    const v = params.get(select.name)?.normalize('NFC');
    if (v) filters[select.name] = v;
  }
  return { q: (params.get('q') ?? '').normalize('NFC'), filters };
}

async function fillFilters(pf: Pagefind, form: HTMLFormElement, chosen: Record<string, string>) {
  const all = await pf.filters();
  for (const select of form.querySelectorAll<HTMLSelectElement>('select[data-filter]')) {
    const values = Object.entries(all[select.name] ?? {}).sort((a, b) => collator.compare(a[0], b[0]));
    select.length = 1;
    for (const [value, count] of values) select.append(new Option(`${value} (${nf.format(count)})`, value));
    select.value = chosen[select.name] ?? '';
    select.closest('p')!.hidden = values.length === 0 && !chosen[select.name];
  }
}

export function startSearchPage(): void {
  const form = document.getElementById('search-form') as HTMLFormElement;
  const input = form.querySelector<HTMLInputElement>('input[name=q]')!;
  const details = document.getElementById('filters') as HTMLDetailsElement;
  const status = document.getElementById('search-status')!;
  const list = document.getElementById('search-results') as HTMLOListElement;
  const more = document.getElementById('search-more') as HTMLButtonElement;
  const baseTitle = document.title;
  let generation = 0;
  let filtersFilled = false;

  const ensureFilters = async (chosen: Record<string, string>) => {
    if (filtersFilled) return;
    filtersFilled = true;
    await fillFilters(await loadPagefind(), form, chosen);
  };

  const show = async () => {
    const { q, filters } = readState(form);
    const mine = ++generation;
    input.value = q;
    document.title = q.trim() ? `${q} · ${baseTitle}` : baseTitle;
    list.replaceChildren();
    more.hidden = true;
    if (Object.keys(filters).length) {
      details.open = true;
      await ensureFilters(filters);
    }
    if (!q.trim()) {
      status.textContent = '';
      return;
    }
    status.textContent = 'Đang tìm…';
    try {
      const pf = await loadPagefind();
      const parsed = parseQuery(q);
      const hits = await runQuery(pf, parsed, filters);
      if (mine !== generation) return;
      if (!hits.length) {
        status.textContent = `Không tìm thấy kết quả cho “${q}”.`;
        return;
      }
      status.textContent = `Tìm thấy ${nf.format(hits.length)} kết quả cho “${q}”.`;
      let shown = 0;
      const next = async () => {
        more.hidden = true;
        const batch = hits.slice(shown, shown + PAGE_SIZE);
        shown += batch.length;
        const datas = await Promise.all(batch.map((h) => h.hit.data()));
        if (mine !== generation) return;
        list.append(...datas.map((d) => renderResult(d, parsed)));
        more.hidden = shown >= hits.length;
      };
      more.onclick = () => void next();
      await next();
    } catch (err) {
      console.error(err);
      status.textContent = 'Không tải được bộ tìm kiếm. Vui lòng thử lại sau.';
    }
  };

  // Submitting keeps the URL shareable: only non-empty fields go into it.
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const params = new URLSearchParams();
    const q = input.value.normalize('NFC').trim();
    if (q) params.set('q', q);
    for (const select of form.querySelectorAll<HTMLSelectElement>('select[data-filter]')) if (select.value) params.set(select.name, select.value);
    const url = `${location.pathname}${params.size ? `?${params}` : ''}`;
    if (url !== `${location.pathname}${location.search}`) history.pushState(null, '', url);
    void show();
  });
  form.addEventListener('change', (e) => {
    if ((e.target as HTMLElement).matches('select[data-filter]')) form.requestSubmit();
  });
  details.addEventListener('toggle', () => {
    if (details.open) void ensureFilters(readState(form).filters);
  });
  // Start loading the runtime while the reader types: the first answer comes sooner (same bytes).
  input.addEventListener('focus', () => void loadPagefind().catch(() => {}), { once: true });
  addEventListener('popstate', () => void show());
  void show();
}
