// @ts-check
// The pure part of the bundle budget check (scripts/bundle-budget.mjs does the I/O): which chunks of
// Vite's build manifest (dist/.vite/manifest.json) a page needs, their gzip sizes summed against a
// limit, and whether ECharts/zrender slipped into them. Types: budget-lib.d.mts beside this file.
// Unit-tested with fake manifests in src/bundleBudget.test.ts.

/** Sizes are reported and limited in kB of 1000 bytes, as Vite prints them. */
export const KB = 1000;

/**
 * The budgets. `routes` are the source paths (manifest keys) of the lazily loaded route modules the
 * page needs besides the entry; their static imports are followed, their dynamic imports are not
 * (those load later, on a user's action: a chart, another tab, another language).
 * @type {import('./budget-lib.d.mts').Budget[]}
 */
export const BUDGETS = [
  // /login and the shell every desktop page renders in (router, providers, the lazily loaded
  // AppLayout with its menu and the routes of its pages) with the zh-CN catalogue's shell part, which
  // is loaded before the first render (src/i18n/parts.mjs; each desktop page loads the whole catalogue
  // with its own code)
  {
    name: 'login + app shell',
    routes: ['src/features/auth/LoginPage.tsx', 'src/app/AppLayout.tsx', 'src/i18n/zh-CN.json?part=shell'],
    limitKb: 300,
  },
  // /my, the dispatched teacher's phone home (route table: src/app/routes.tsx), with the catalogue's
  // shell part and the phone screens' part, loaded with the screen
  {
    name: 'teacher mobile home',
    routes: ['src/mobile/MobileHome.tsx', 'src/i18n/zh-CN.json?part=shell', 'src/i18n/zh-CN.json?part=mobile'],
    limitKb: 200,
  },
];

// How ECharts/zrender is detected. Rolldown's manifest has no module ids, and ECharts has no chunk
// of its own (it is inlined into the chunk of src/features/dashboard/Chart.tsx), so a chunk's
// name/src only names it if someone gives it a code-splitting group or a lazy wrapper named so.
// Hence two checks, either of which fails the budget:
//  1. the manifest entry's name, src or file mentions echarts/zrender (a node_modules path or a
//     chunk named after them);
//  2. the chunk's code contains one of these string literals. They are property keys and DOM
//     attribute names in the libraries' core modules, so a minifier cannot rename them and any
//     bundle that carries the core (every chart does) contains them:
//       '_echarts_instance_'  echarts/lib/core/echarts.js (DOM_ATTRIBUTE_KEY, set by echarts.init)
//       '__zr_normal__'       zrender/lib/Element.js (PRESERVED_NORMAL_STATE, the base of every shape)
//       '__zr_style_'         zrender/lib/graphic/Displayable.js (STYLE_MAGIC_KEY)
//     Checked against echarts/zrender 6.1; if an upgrade drops one, the others still match, and the
//     unit test plus the printed "heavy" column show whether the Chart chunk is still recognised.
export const HEAVY_NAME = /(^|[\\/])node_modules[\\/](echarts|zrender)([\\/]|$)|echarts|zrender/i;
export const HEAVY_MARKERS = ['_echarts_instance_', '__zr_normal__', '__zr_style_'];

/**
 * The manifest keys reachable from `roots` through static `imports` only.
 * @param {import('./budget-lib.d.mts').Manifest} manifest
 * @param {string[]} roots
 * @returns {string[]} keys in visiting order
 */
export function collectChunks(manifest, roots) {
  /** @type {Set<string>} */
  const seen = new Set();
  const stack = [...roots].reverse();
  while (stack.length) {
    const key = /** @type {string} */ (stack.pop());
    if (seen.has(key) || !manifest[key]) continue;
    seen.add(key);
    for (const dep of [...(manifest[key].imports ?? [])].reverse()) stack.push(dep);
  }
  return [...seen];
}

/**
 * @param {import('./budget-lib.d.mts').Manifest} manifest
 * @param {(file: string) => number} readSize gzip size in bytes of a file under the output dir
 * @param {import('./budget-lib.d.mts').ComputeOptions} [options]
 * @returns {import('./budget-lib.d.mts').BudgetReport}
 */
export function computeBudgets(manifest, readSize, options = {}) {
  const budgets = options.budgets ?? BUDGETS;
  const readText = options.readText;
  /** @type {Map<string, number>} */
  const sizes = new Map();
  const size = (/** @type {string} */ file) => {
    let s = sizes.get(file);
    if (s === undefined) sizes.set(file, (s = readSize(file)));
    return s;
  };
  /** @type {Map<string, boolean>} */
  const heavyByKey = new Map();
  const isHeavy = (/** @type {string} */ key) => {
    let h = heavyByKey.get(key);
    if (h === undefined) {
      const c = manifest[key];
      h =
        [key, c.name ?? '', c.src ?? '', c.file].some((s) => HEAVY_NAME.test(s)) ||
        (!!readText && c.file.endsWith('.js') && HEAVY_MARKERS.some((m) => readText(c.file).includes(m)));
      heavyByKey.set(key, h);
    }
    return h;
  };

  /** @type {string[]} */
  const failures = [];
  const entries = Object.keys(manifest).filter((k) => manifest[k].isEntry);
  if (entries.length === 0) failures.push('the manifest has no entry chunk (isEntry)');

  const results = budgets.map((b) => {
    const missing = b.routes.filter((r) => !manifest[r]);
    for (const r of missing) failures.push(`${b.name}: route module ${r} is not in the manifest (renamed or moved?)`);
    const chunks = collectChunks(manifest, [...entries, ...b.routes]);
    const jsFiles = [...new Set(chunks.map((k) => manifest[k].file).filter((f) => f.endsWith('.js')))];
    const cssFiles = [...new Set(chunks.flatMap((k) => manifest[k].css ?? []))];
    const jsBytes = jsFiles.reduce((n, f) => n + size(f), 0);
    const cssBytes = cssFiles.reduce((n, f) => n + size(f), 0);
    const heavy = chunks.filter(isHeavy).map((k) => manifest[k].file);
    const over = jsBytes > b.limitKb * KB;
    if (over) failures.push(`${b.name}: ${fmtKb(jsBytes)} kB gzip of JavaScript is over its ${b.limitKb} kB budget`);
    for (const f of heavy) failures.push(`${b.name}: ECharts/zrender code in ${f}, which this page loads up front`);
    return { name: b.name, limitKb: b.limitKb, jsBytes, cssBytes, chunks, jsFiles, heavy, missing, over, ok: !over && heavy.length === 0 && missing.length === 0 };
  });

  /** @type {Map<string, string>} file -> manifest key (first one seen) */
  const jsByFile = new Map();
  for (const [k, c] of Object.entries(manifest)) if (c.file.endsWith('.js') && !jsByFile.has(c.file)) jsByFile.set(c.file, k);
  const largest = [...jsByFile]
    .map(([file, key]) => ({ file, name: manifest[key].name ?? key, bytes: size(file), heavy: isHeavy(key) }))
    .sort((a, b) => b.bytes - a.bytes || a.file.localeCompare(b.file))
    .slice(0, options.largest ?? 5);

  return { budgets: results, largest, failures, ok: failures.length === 0 };
}

/** @param {number} bytes */
export function fmtKb(bytes) {
  return (bytes / KB).toFixed(1);
}

/**
 * The printed report: one row per budget, then the largest chunks.
 * @param {import('./budget-lib.d.mts').BudgetReport} report
 * @returns {string}
 */
export function formatReport(report) {
  /** @param {string[][]} rows */
  const table = (rows) => {
    const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
    return rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd()).join('\n');
  };
  const budgetRows = [
    ['budget', 'JS kB gzip', 'limit', 'status', 'chunks', 'CSS kB gzip (not counted)'],
    ...report.budgets.map((b) => [
      b.name,
      fmtKb(b.jsBytes),
      String(b.limitKb),
      b.over ? 'OVER' : b.heavy.length ? 'ECHARTS' : b.missing.length ? 'MISSING' : 'OK',
      String(b.jsFiles.length),
      fmtKb(b.cssBytes),
    ]),
  ];
  const largestRows = [
    ['largest chunks', 'kB gzip', 'heavy'],
    ...report.largest.map((c) => [`${c.file} (${c.name})`, fmtKb(c.bytes), c.heavy ? 'echarts' : '']),
  ];
  const lines = ['Bundle budgets (JavaScript, gzip):', table(budgetRows), '', table(largestRows)];
  if (report.failures.length) lines.push('', 'Bundle budget FAILED:', ...report.failures.map((f) => `  - ${f}`));
  return lines.join('\n');
}
