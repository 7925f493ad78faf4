// The search page's script. It reads ?q= and the filters from the URL, answers
// from the small direct-answer table first (its core and the shards the query's words can match) (indicators, places, documents), turns
// words that name a place, level or type into filters (removable chips), then runs
// the full-text query (and its "d" → "đ" variants) through Pagefind's JS API on
// the primary bundle plus the province bundles in scope, merged on demand with
// mergeIndex. Results are rendered with DOM nodes (document text is never HTML).
import { parseQuery, queryVariants, type ParsedQuery } from '../../scripts/contract/search/query.ts';
import { foldedTokens, formatDate, holdsEveryWord, mergeRuns, paragraphExcerpt, preferPhrase, queryBytes, recordPage, titledFirst, topParagraphs } from '../../scripts/contract/search/results.ts';
import { MAX_ANSWERS, readQuery, type QueryReading } from '../../scripts/contract/search/read-query.ts';
import { assembleTable, CARD_RECORDS, CARDS_FILE, indicatorFilterValue, pageShardPath, queryShards, recordOwners, shardOf, shardPath, type AnswerCore, type AnswerShard, type PageShard, type AnswerTable, type BundleEntry, type PlanCards } from '../../scripts/contract/search/table.ts';
import { indicatorUrl, localitiesPage, localityUrl, planUrl, SEARCH_FILTERS, withDistinguishingProvince, type LocalityKey } from '../../scripts/contract/addresses.ts';

/** Plans a screen; "Xem thêm kết quả" shows the next ones. */
const PAGE_SIZE = 10;
/** Section fragments fetched at most per screen (~1 KB gzip each), so a screen stays within budget. */
const MAX_FRAGMENTS_PER_SCREEN = 18;
const PARAGRAPHS_PER_RESULT = 2;
/** The whole country is searched without asking when a query of AUTO_NATIONAL_WORDS words costs at most this there (the seeds). */
const AUTO_NATIONAL_BYTES = 60 * 1024;
/** The library's size decides, not the query's length: a long query in a small library searches it all. */
const AUTO_NATIONAL_WORDS = 3;
/** Pagefind's default bonus for the exact spelling typed. */
const DIACRITIC_SIMILARITY = 0.8;
/** Pagefind 1.6 indexes meta values as words: none of ours should rank a record (a record matched only there is dropped). */
const META_WEIGHTS = Object.fromEntries(['title', 'kind'].map((k) => [k, 0]));
/** URL parameters: the filters, the scope ("tinh": a bundle key or NATIONAL) and "read the words as typed". */
const SCOPE = 'tinh';
const NATIONAL = 'ca-nuoc';
const AS_TYPED = 'nguyen-van';
const nf = new Intl.NumberFormat('vi-VN');
const collator = new Intl.Collator('vi');
const kb = (bytes: number) => `${nf.format(Math.max(1, Math.round(bytes / 1024)))} KB`;

interface PfAnchor { id: string; title?: string; location: number }
interface PfData { url: string; content: string; meta: Record<string, string>; anchors: PfAnchor[] }
interface PfHit { id: string; score: number; words: number[]; data: () => Promise<PfData> }
interface PfResponse { results: PfHit[] }
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(path: string, o?: Record<string, unknown>): Promise<void>;
  search(term: string, o?: { filters?: Record<string, string> }): Promise<PfResponse | null>;
}

const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');

let pagefindPromise: Promise<Pagefind> | null = null;
function loadPagefind(): Promise<Pagefind> {
  pagefindPromise ??= (async () => {
    const pf = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Pagefind;
    // No worker: one JS file less on the first query; a bundle is small enough for the main thread.
    await pf.options({ excerptLength: 34, noWorker: true });
    await pf.init();
    return pf;
  })();
  // A failed load (offline, say) is retried by the next search.
  pagefindPromise.catch(() => (pagefindPromise = null));
  return pagefindPromise;
}

const merged = new Set<string>();
type Card = PlanCards[string];
/** The plans of the bundles loaded so far (each bundle's cards.json), by plan URL. */
const cards = new Map<string, Card>();
const cardFiles = new Map<string, Promise<PlanCards>>();
/** A bundle's plan cards (fetched once). */
function bundleCards(path: string): Promise<PlanCards> {
  let p = cardFiles.get(path);
  if (!p) {
    p = fetch(`${base}${path.replace(/^\//, '')}${CARDS_FILE}`).then((r) => (r.ok ? (r.json() as Promise<PlanCards>) : {}));
    cardFiles.set(path, p);
    p.catch(() => cardFiles.delete(path));
  }
  return p;
}
async function loadCards(path: string) {
  for (const [id, card] of Object.entries(await bundleCards(path))) cards.set(planUrl(id), card);
}

/** Merges the province bundles not merged yet (Pagefind searches the primary and every merged one), with their cards. */
async function mergeBundles(pf: Pagefind, bundles: BundleEntry[]) {
  const todo = [{ path: '/pagefind/' }, ...bundles].filter((b) => !merged.has(b.path));
  for (const b of todo) merged.add(b.path);
  await Promise.all(todo.map(async (b) => {
    if (b.path !== '/pagefind/') await pf.mergeIndex(`${base}${b.path.replace(/^\//, '')}`);
    await loadCards(b.path);
  }));
}

const fetchJson = <T,>(path: string): Promise<T> =>
  fetch(`${base}${path}`).then((r) => {
    if (!r.ok) throw new Error(`${r.status}`);
    return r.json() as Promise<T>;
  });

let corePromise: Promise<AnswerCore> | null = null;
function loadCore(): Promise<AnswerCore> {
  corePromise ??= fetchJson<AnswerCore>('tim-kiem/tra-cuu.json');
  corePromise.catch(() => (corePromise = null));
  return corePromise;
}

const shardFiles = new Map<number, Promise<AnswerShard>>();
function loadShard(core: AnswerCore, i: number): Promise<AnswerShard> {
  if (core.shard) return Promise.resolve(core.shard);
  let p = shardFiles.get(i);
  if (!p) {
    p = fetchJson<AnswerShard>(shardPath(i));
    shardFiles.set(i, p);
    p.catch(() => shardFiles.delete(i));
  }
  return p;
}

type Table = ReturnType<typeof assembleTable>;
/** The answer table for these words (and a locality filter's): the core and the shards they can match. */
async function loadTable(words: string[]): Promise<Table> {
  const core = await loadCore();
  return assembleTable(core, await Promise.all(queryShards(words, core.shards).map((i) => loadShard(core, i))));
}

/** The province bundle of a page of the site (a plan's, a locality's), from its page shard. */
async function bundleOfPage(path: string): Promise<string | null> {
  const core = await loadCore();
  const pages = core.pages ?? (await fetchJson<PageShard>(pageShardPath(shardOf(path, core.pageShards))));
  return pages[path] ?? null;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text != null) e.textContent = text;
  return e;
}

function link(href: string, text: string, cls?: string): HTMLAnchorElement {
  const a = el('a', cls, text);
  a.href = href;
  return a;
}

function excerptNode(text: string, words: string[]): HTMLParagraphElement {
  const p = el('p', 'result-excerpt');
  const ex = paragraphExcerpt(text, words);
  if (ex.before) p.append('… ');
  for (const part of ex.parts) p.append(part.mark ? el('mark', undefined, part.text) : part.text);
  if (ex.after) p.append(' …');
  return p;
}

/** Every paragraph of a section record with its text (the words from its anchor to the next). */
function paragraphsOf(data: PfData): { url: string; title: string; text: string }[] {
  const words = data.content.split(/[\r\n\s]+/g);
  const anchors = [...data.anchors].sort((a, b) => a.location - b.location);
  const page = recordPage(data.url);
  return anchors.map((a, i) => ({
    url: `${page}#${encodeURIComponent(a.id)}`,
    title: a.title ?? '',
    text: words.slice(a.location, anchors[i + 1]?.location ?? words.length).join(' '),
  }));
}

/** One result: a plan (with its best paragraphs from every section found) or another page. */
interface Result { url: string; sections: PfData[] }

/** A plan's title and facts come from its bundle's cards (a section record carries none). */
function renderResult(r: Result, q: ParsedQuery): HTMLLIElement {
  const data = r.sections[0]!;
  const card = cards.get(r.url);
  const li = el('li', 'result');
  const h = el('h2');
  h.append(link(r.url, card?.[0] ?? data.meta.title ?? r.url));
  li.append(h);
  const facts = card ? [card[2], card[3], card[4], card[1] && formatDate(card[1])] : [data.meta.kind];
  if (facts.some(Boolean)) li.append(el('p', 'result-meta', facts.filter(Boolean).join(' · ')));
  const paragraphs = r.sections.flatMap(paragraphsOf);
  const best = topParagraphs(paragraphs, q.words, PARAGRAPHS_PER_RESULT, q.phrase);
  if (best.length) {
    const ul = el('ul', 'result-paragraphs');
    for (const s of best) {
      const item = el('li');
      item.append(link(s.url, s.title, 'result-section'), excerptNode(s.text, q.words));
      ul.append(item);
    }
    li.append(ul);
  } else li.append(excerptNode(data.content, q.words));
  return li;
}

/**
 * Runs the query and its "d" → "đ" variants. For several words the phrase
 * search runs too (same index chunks, no extra bytes): records where the words
 * stand together come first; a quoted query keeps only those.
 */
async function runQuery(pf: Pagefind, q: ParsedQuery, filters: Record<string, string>) {
  const variants = queryVariants(q);
  // Pagefind boosts words spelled exactly as typed: right for "Đồng Tháp", wrong
  // for "dong thap", where the bare spelling is a phone habit, not a choice.
  await pf.options({ ranking: { diacriticSimilarity: q.hasMarks ? DIACRITIC_SIMILARITY : 0, metaWeights: META_WEIGHTS } });
  const run = async (text: string, weight: number) => ({ weight, results: ((await pf.search(text, { filters }))?.results ?? []).filter((h) => h.words.length > 0) });
  const loose = mergeRuns(await Promise.all(variants.map((v) => run(v.text.replace(/"/g, ''), v.weight))));
  if (q.words.length < 2) return loose;
  const phrase = mergeRuns(await Promise.all(variants.map((v) => run(`"${v.text.replace(/"/g, '')}"`, v.weight))));
  return preferPhrase(loose, new Set(phrase.map((p) => p.hit.id)), q.phrase);
}

interface State {
  q: string;
  filters: Record<string, string>;
  scope: string | null;
  asTyped: boolean;
}

function readState(): State {
  const params = new URLSearchParams(location.search);
  const filters: Record<string, string> = {};
  for (const name of Object.values(SEARCH_FILTERS)) {
    const v = params.get(name)?.normalize('NFC');
    if (v) filters[name] = v;
  }
  return { q: (params.get('q') ?? '').normalize('NFC'), filters, scope: params.get(SCOPE), asTyped: params.has(AS_TYPED) };
}

function stateUrl(s: State): string {
  const params = new URLSearchParams();
  if (s.q.trim()) params.set('q', s.q.trim());
  for (const [k, v] of Object.entries(s.filters)) params.set(k, v);
  if (s.scope) params.set(SCOPE, s.scope);
  if (s.asTyped) params.set(AS_TYPED, '1');
  return `${location.pathname}${params.size ? `?${params}` : ''}`;
}

/**
 * Words naming a place, level or type become filters (the URL is rewritten, so
 * the chips are links): "R&D Ninh Thuận" → q=R&D, dia-phuong=Ninh Thuận. The
 * words stay the query when nothing else is left ("dong thap").
 */
function applyReading(s: State, reading: QueryReading): State {
  const filters = { ...s.filters };
  if (reading.locality && !filters[SEARCH_FILTERS.locality]) filters[SEARCH_FILTERS.locality] = reading.locality.name;
  if (reading.level && !filters[SEARCH_FILTERS.level]) filters[SEARCH_FILTERS.level] = reading.level;
  if (reading.type && !filters[SEARCH_FILTERS.type]) filters[SEARCH_FILTERS.type] = reading.type;
  if (Object.keys(filters).length === Object.keys(s.filters).length) return s;
  // The filter is a name: a namesake in another province's bundle is told apart by the scope.
  const scope = reading.locality && reading.namesakes.some((l) => l.bundle !== reading.locality!.bundle) ? (s.scope ?? reading.locality.bundle) : s.scope;
  // Nothing left but filters: the place's name is the query (its plans name it), else the words as typed.
  return { ...s, q: reading.rest.length ? reading.rest.join(' ') : (reading.locality?.name ?? s.q), filters, scope };
}

const FILTER_LABELS: Record<string, string> = {
  [SEARCH_FILTERS.locality]: 'Địa phương',
  [SEARCH_FILTERS.level]: 'Cấp',
  [SEARCH_FILTERS.type]: 'Loại văn bản',
  [SEARCH_FILTERS.indicator]: 'Chỉ tiêu',
};

/** A chip per filter: removing it puts its words back into the query, read as typed. */
function renderChips(box: HTMLElement, s: State) {
  box.replaceChildren();
  for (const [name, value] of Object.entries(s.filters)) {
    const { [name]: _, ...rest } = s.filters;
    const typed = ` ${foldedTokens(s.q).join(' ')} `.includes(` ${foldedTokens(value).join(' ')} `);
    const words = name === SEARCH_FILTERS.indicator || typed ? s.q : `${s.q} ${value}`;
    const chip = el('span', 'chip', `${FILTER_LABELS[name] ?? name}: ${value} `);
    chip.append(link(stateUrl({ ...s, q: words.trim(), filters: rest, asTyped: true }), '✕', 'chip-remove'));
    chip.lastElementChild!.setAttribute('aria-label', `Bỏ lọc ${value}`);
    box.append(chip);
  }
  box.hidden = box.childElementCount === 0;
}

function answerItem(kind: string, href: string, text: string, note?: string): HTMLLIElement {
  const li = el('li');
  li.append(el('span', 'answer-kind', `${kind}: `), link(href, text));
  if (note) li.append(` ${note}`);
  return li;
}

type Place = LocalityKey & { plans: number };

/** The localities of a bundle's plans, with their plan counts, in the order of its cards. */
function localitiesOf(planCards: Iterable<Card>): Place[] {
  const byPage = new Map<string, Place>();
  for (const [, , name, level, , province] of planCards) {
    if (!name) continue;
    const place = { name, level, province: province || null };
    const page = localityUrl(place);
    const seen = byPage.get(page);
    if (seen) seen.plans++;
    else byPage.set(page, { ...place, plans: 1 });
  }
  return [...byPage.values()];
}

/** A locality's name as a link shows it: with the province that tells it apart from its namesakes. */
const placeName = (l: LocalityKey) => withDistinguishingProvince(l.name, l);

async function renderAnswers(box: HTMLElement, table: AnswerTable, reading: QueryReading) {
  const ul = el('ul');
  if (reading.locality) {
    for (const l of [reading.locality, ...reading.namesakes].slice(0, MAX_ANSWERS)) ul.append(answerItem('Địa phương', localityUrl(l), placeName(l), `(${nf.format(l.plans)} văn bản)`));
  }
  for (const i of reading.indicators) ul.append(answerItem('Chỉ tiêu', indicatorUrl(i.id), i.name));
  for (const p of reading.plans) ul.append(answerItem('Văn bản', planUrl(p.id), `số ${p.number}${p.locality ? ` (${p.locality})` : ''}`));
  for (const d of reading.documents) if (!reading.plans.some((p) => p.number === d.number)) ul.append(answerItem('Văn bản được dẫn chiếu', d.url, d.title));
  box.replaceChildren();
  if (reading.missingPlace) {
    const p = el('p', 'answer-missing', `Thư viện chưa có văn bản nào của ${reading.missingPlace}. `);
    p.append(link(localitiesPage, 'Xem danh sách các địa phương đã có văn bản'), '.');
    box.append(p);
    // The localities of the library now in that province, from its bundle's cards.
    const province = table.provinces.find((pr) => pr.names.includes(reading.missingPlace!));
    const bundle = province ? table.bundles[province.bundle] : undefined;
    const within = bundle ? localitiesOf(Object.values(await bundleCards(bundle.path))) : [];
    if (within.length) {
      const q = el('p', undefined, `Trên địa bàn tỉnh ${province!.name} hiện nay: `);
      within.forEach((l, i) => q.append(i ? ', ' : '', link(localityUrl(l), placeName(l)), ` (${nf.format(l.plans)} văn bản)`));
      box.append(q);
    }
  }
  if (ul.childElementCount) box.append(el('h2', 'answers-title', 'Trả lời nhanh'), ul);
  box.hidden = box.childElementCount === 0;
}

/** How many results the search can have at most: plans of the bundles searched (their cards) matching the filters, plus cited documents. */
function possibleResults(table: AnswerTable, filters: Record<string, string>): number {
  let plans = 0;
  for (const [, , locality, level, type] of cards.values()) {
    if (filters[SEARCH_FILTERS.locality] && locality !== filters[SEARCH_FILTERS.locality]) continue;
    if (filters[SEARCH_FILTERS.level] && level !== filters[SEARCH_FILTERS.level]) continue;
    if (!filters[SEARCH_FILTERS.type] || type === filters[SEARCH_FILTERS.type]) plans++;
  }
  return Object.keys(filters).length ? plans : plans + table.documents.length;
}

/** Pages a search can start from that say where to search: a plan's, a locality's. */
const PLACED_PAGE = /^\/(van-ban|dia-phuong)\/[^/]+\/$/;

/** The province bundles to search: the locality filtered on, the URL, the place named, or the page the reader came from. */
async function scopeOf(s: State, table: AnswerTable, reading: QueryReading): Promise<string | null> {
  // A locality filter's plans are all in its province's bundle: no other is searched (nor its filter file loaded).
  const locality = s.filters[SEARCH_FILTERS.locality];
  const named = locality ? table.localities.filter((l) => l.name === locality) : [];
  const inScope = named.find((l) => l.bundle === s.scope) ?? named[0];
  if (inScope) return inScope.bundle;
  if (s.scope) return s.scope;
  if (reading.bundle) return reading.bundle;
  try {
    const from = new URL(document.referrer);
    return from.origin === location.origin && PLACED_PAGE.test(from.pathname) ? await bundleOfPage(from.pathname) : null;
  } catch {
    return null;
  }
}

/** The "search the whole country" step: announced with its size, and province shortcuts. */
function renderNational(box: HTMLElement, s: State, table: AnswerTable, words: number, scope: string | null) {
  box.replaceChildren();
  const all = Object.values(table.bundles);
  const p = el('p');
  if (scope && scope !== NATIONAL && table.bundles[scope]) p.append(`Đang tìm trong ${table.bundles[scope]!.name}. `);
  else p.append('Chưa chọn tỉnh: chọn một tỉnh để tìm toàn văn, hoặc ');
  p.append(link(stateUrl({ ...s, scope: NATIONAL }), `tìm toàn văn trong cả nước (${nf.format(all.reduce((n, b) => n + b.plans, 0))} văn bản, tải thêm khoảng ${kb(queryBytes(all, words))})`), '.');
  box.append(p);
  if (!scope || scope === NATIONAL || !table.bundles[scope]) {
    const list = el('p', 'search-provinces');
    [...Object.entries(table.bundles)]
      .sort((a, b) => collator.compare(a[1].name, b[1].name))
      .forEach(([key, b], i) => list.append(i ? ' · ' : '', link(stateUrl({ ...s, scope: key }), b.name), ` (${nf.format(b.plans)})`));
    box.append(list);
  }
  box.hidden = false;
}

/** The filters' choices: the levels, types and indicators of the library, the localities of the bundles searched. */
function fillFilters(form: HTMLFormElement, table: AnswerTable, chosen: Record<string, string>) {
  const locality = chosen[SEARCH_FILTERS.locality];
  const values: Record<string, [string, string][]> = {
    [SEARCH_FILTERS.locality]: [
      ...(locality ? [[locality, locality] as [string, string]] : []),
      ...localitiesOf(cards.values()).map((l): [string, string] => [l.name, `${l.name} (${nf.format(l.plans)})`]),
    ],
    [SEARCH_FILTERS.level]: table.levels.map((l) => [l, l]),
    [SEARCH_FILTERS.type]: table.types.map((t) => [t, t]),
    [SEARCH_FILTERS.indicator]: table.indicators.map((i) => [i.short, i.short]),
  };
  for (const select of form.querySelectorAll<HTMLSelectElement>('select[data-filter]')) {
    const options = [...new Map(values[select.name] ?? []).entries()].sort((a, b) => collator.compare(a[0], b[0]));
    select.length = 1;
    for (const [value, label] of options) select.append(new Option(label, value));
    select.value = chosen[select.name] ?? '';
    select.closest('p')!.hidden = options.length === 0;
  }
}

export function startSearchPage(): void {
  const form = document.getElementById('search-form') as HTMLFormElement;
  const input = form.querySelector<HTMLInputElement>('input[name=q]')!;
  const details = document.getElementById('filters') as HTMLDetailsElement;
  const chips = document.getElementById('search-chips')!;
  const answers = document.getElementById('search-answers')!;
  const national = document.getElementById('search-national')!;
  const status = document.getElementById('search-status')!;
  const list = document.getElementById('search-results') as HTMLOListElement;
  const more = document.getElementById('search-more') as HTMLButtonElement;
  const baseTitle = document.title;
  let generation = 0;

  const show = async () => {
    let s = readState();
    const mine = ++generation;
    list.replaceChildren();
    more.hidden = national.hidden = true;
    try {
      const table = await loadTable([...parseQuery(s.q).words, s.filters[SEARCH_FILTERS.locality] ?? '']);
      if (mine !== generation) return;
      fillFilters(form, table, s.filters);
      const reading = readQuery(table, parseQuery(s.q).words);
      if (!s.asTyped) {
        const next = applyReading(s, reading);
        if (next !== s) {
          history.replaceState(null, '', stateUrl(next));
          s = next;
        }
      }
      input.value = s.q;
      document.title = s.q.trim() ? `${s.q} · ${baseTitle}` : baseTitle;
      if (Object.keys(s.filters).length) details.open = true;
      renderChips(chips, s);
      await renderAnswers(answers, table, s.asTyped ? { ...reading, locality: null, namesakes: [] } : reading);
      if (!s.q.trim()) {
        status.textContent = '';
        return;
      }
      if (reading.missingPlace && !s.asTyped) {
        status.textContent = `Không có kết quả cho “${s.q}”.`;
        return;
      }
      const q = parseQuery(s.q);
      const scope = await scopeOf(s, table, reading);
      const all = Object.values(table.bundles);
      const nationalAuto = queryBytes(all, Math.min(q.words.length, AUTO_NATIONAL_WORDS)) <= AUTO_NATIONAL_BYTES;
      const bundles = scope === NATIONAL || (!scope && nationalAuto) ? all : scope && table.bundles[scope] ? [table.bundles[scope]!] : [];
      if (!nationalAuto || scope === NATIONAL) renderNational(national, s, table, q.words.length, scope);
      status.textContent = 'Đang tìm…';
      const pf = await loadPagefind();
      await mergeBundles(pf, bundles);
      fillFilters(form, table, s.filters);
      const indicator = s.filters[SEARCH_FILTERS.indicator];
      const hits = await runQuery(pf, q, indicator ? { ...s.filters, [SEARCH_FILTERS.indicator]: indicatorFilterValue(table.indicators, indicator) } : s.filters);
      if (mine !== generation) return;
      // Results grouped by plan, in the order their best section ranks; a section
      // that does not hold every word (a prefix or a syllable of another word) is dropped.
      const results = new Map<string, Result>();
      // No more results than plans the filters and scope allow (and, unfiltered, the cited-document pages):
      // once all are shown, no further fragment is fetched.
      const possible = possibleResults(table, s.filters);
      const ownerOf = recordOwners([...cards].map(([url, card]) => [url, card[CARD_RECORDS]]));
      let next = 0;
      let shown = 0;
      const screen = async () => {
        more.hidden = true;
        let fetched = 0;
        // Plans found beyond this screen's ten wait for the next one (their fragments are already here).
        while (next < hits.length && results.size < possible && results.size - shown < PAGE_SIZE && fetched < MAX_FRAGMENTS_PER_SCREEN) {
          // One section per plan when the cards say whose a record is: a further section of a plan found is not fetched.
          const batch: typeof hits = [];
          const chosen = new Set<string>();
          while (next < hits.length && batch.length < Math.min(PAGE_SIZE - (results.size - shown), MAX_FRAGMENTS_PER_SCREEN - fetched)) {
            const h = hits[next++]!;
            const plan = ownerOf(h.hit.id);
            if (plan !== null && (results.has(plan) || chosen.has(plan))) continue;
            if (plan !== null) chosen.add(plan);
            batch.push(h);
          }
          fetched += batch.length;
          for (const data of await Promise.all(batch.map((h) => h.hit.data()))) {
            if (!holdsEveryWord(`${data.meta.title ?? ''} ${data.content}`, q.words)) continue;
            const url = recordPage(data.url);
            const r = results.get(url);
            if (r) r.sections.push(data);
            else results.set(url, { url, sections: [data] });
          }
        }
        if (mine !== generation) return;
        const fresh = titledFirst([...results.values()].slice(shown, shown + PAGE_SIZE), (r) => cards.get(r.url)?.[0] ?? r.sections[0]!.meta.title ?? '', q.words);
        shown += fresh.length;
        list.append(...fresh.map((r) => renderResult(r, q)));
        const done = (next >= hits.length || results.size >= possible) && shown >= results.size;
        const scopeName = bundles.length === all.length || s.filters[SEARCH_FILTERS.locality] ? '' : bundles.length ? ` trong ${bundles.map((b) => b.name).join(', ')}` : ' trong các văn bản trung ương';
        status.textContent = !results.size && done
          ? `Không tìm thấy kết quả cho “${s.q}”${scopeName}.`
          : `Tìm thấy ${done ? '' : 'ít nhất '}${nf.format(done ? shown : Math.max(shown, results.size))} văn bản cho “${s.q}”${scopeName}.`;
        more.hidden = done;
      };
      more.onclick = () => void screen();
      await screen();
    } catch (err) {
      console.error(err);
      status.textContent = 'Không tải được bộ tìm kiếm. Vui lòng thử lại sau.';
    }
  };

  // Submitting keeps the URL shareable: only non-empty fields go into it.
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const filters: Record<string, string> = {};
    for (const select of form.querySelectorAll<HTMLSelectElement>('select[data-filter]')) if (select.value) filters[select.name] = select.value;
    const current = readState();
    const url = stateUrl({ q: input.value.normalize('NFC'), filters, scope: current.scope, asTyped: false });
    if (url !== `${location.pathname}${location.search}`) history.pushState(null, '', url);
    void show();
  });
  form.addEventListener('change', (e) => {
    if ((e.target as HTMLElement).matches('select[data-filter]')) form.requestSubmit();
  });
  // Start loading the runtime while the reader types: the first answer comes sooner (same bytes).
  input.addEventListener('focus', () => void loadPagefind().catch(() => {}), { once: true });
  addEventListener('popstate', () => void show());
  void show();
}
