// @vitest-environment node
// The bundle budget rules (scripts/budget-lib.mjs) on small fake manifests; the real check runs on
// every `npm run build` (scripts/bundle-budget.mjs), which fails when a budget is exceeded.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BUDGETS,
  HEAVY_MARKERS,
  collectChunks,
  computeBudgets,
  formatReport,
  type Budget,
  type Manifest,
} from '../scripts/budget-lib.mjs';

const frontend = resolve(__dirname, '..');
const kB = 1000;

/** gzip sizes by file name; unknown files would be a bug in the computation */
function sizes(table: Record<string, number>): (file: string) => number {
  return (file) => {
    const s = table[file];
    if (s === undefined) throw new Error(`size of ${file} asked, not in the fake build`);
    return s;
  };
}

const budgets: Budget[] = [
  { name: 'shell', routes: ['src/features/auth/LoginPage.tsx'], limitKb: 300 },
  { name: 'mobile', routes: ['src/mobile/MobileHome.tsx'], limitKb: 200 },
];

// entry -> react, vendor (static); entry ~> Dashboard (dynamic) -> Chart (dynamic, ECharts inside)
function fakeManifest(): Manifest {
  return {
    'index.html': {
      file: 'assets/index.js',
      name: 'index',
      src: 'index.html',
      isEntry: true,
      imports: ['_react.js', '_vendor.js'],
      dynamicImports: ['src/features/auth/LoginPage.tsx', 'src/mobile/MobileHome.tsx', 'src/features/dashboard/DashboardPage.tsx'],
      css: ['assets/index.css'],
    },
    '_react.js': { file: 'assets/react.js', name: 'react' },
    '_vendor.js': { file: 'assets/vendor.js', name: 'vendor', imports: ['_react.js'] },
    '_form.js': { file: 'assets/form.js', name: 'form', imports: ['_react.js'] },
    'src/features/auth/LoginPage.tsx': {
      file: 'assets/LoginPage.js',
      name: 'LoginPage',
      src: 'src/features/auth/LoginPage.tsx',
      isDynamicEntry: true,
      imports: ['index.html', '_form.js'],
    },
    'src/mobile/MobileHome.tsx': {
      file: 'assets/MobileHome.js',
      name: 'MobileHome',
      src: 'src/mobile/MobileHome.tsx',
      isDynamicEntry: true,
      imports: ['index.html', '_ui.js'],
      dynamicImports: ['src/mobile/LogFormPage.tsx'],
      css: ['assets/MobileHome.css'],
    },
    '_ui.js': { file: 'assets/ui.js', name: 'ui', imports: ['_vendor.js'] },
    'src/mobile/LogFormPage.tsx': { file: 'assets/LogFormPage.js', src: 'src/mobile/LogFormPage.tsx', isDynamicEntry: true, imports: ['_form.js'] },
    'src/features/dashboard/DashboardPage.tsx': {
      file: 'assets/DashboardPage.js',
      src: 'src/features/dashboard/DashboardPage.tsx',
      isDynamicEntry: true,
      imports: ['index.html'],
      dynamicImports: ['src/features/dashboard/Chart.tsx'],
    },
    // as rolldown builds it today: ECharts inlined into the lazy chart wrapper's chunk
    'src/features/dashboard/Chart.tsx': { file: 'assets/Chart.js', name: 'Chart', src: 'src/features/dashboard/Chart.tsx', isDynamicEntry: true },
  };
}

const fakeSizes: Record<string, number> = {
  'assets/index.js': 50 * kB,
  'assets/react.js': 100 * kB,
  'assets/vendor.js': 40 * kB,
  'assets/form.js': 30 * kB,
  'assets/LoginPage.js': 5 * kB,
  'assets/MobileHome.js': 3 * kB,
  'assets/ui.js': 2 * kB,
  'assets/LogFormPage.js': 900 * kB,
  'assets/DashboardPage.js': 20 * kB,
  'assets/Chart.js': 190 * kB,
  'assets/index.css': 1 * kB,
  'assets/MobileHome.css': 2 * kB,
};

const fakeCode: Record<string, string> = {
  'assets/Chart.js': 'var qS=`_echarts_instance_`;var PN="__zr_normal__";',
};
const readText = (file: string) => fakeCode[file] ?? 'export{}';

describe('computeBudgets', () => {
  it('sums the entry, its static imports and the route chunk with theirs, each file once', () => {
    const report = computeBudgets(fakeManifest(), sizes(fakeSizes), { budgets, readText });
    const [shell, mobile] = report.budgets;
    expect(shell.jsFiles.sort()).toEqual(
      ['assets/LoginPage.js', 'assets/form.js', 'assets/index.js', 'assets/react.js', 'assets/vendor.js'].sort(),
    );
    expect(shell.jsBytes).toBe((50 + 100 + 40 + 30 + 5) * kB);
    expect(mobile.jsBytes).toBe((50 + 100 + 40 + 3 + 2) * kB);
    expect(report.ok).toBe(true);
    expect(report.failures).toEqual([]);
    expect(formatReport(report)).toMatch(/shell\s+225\.0\s+300\s+OK/);
  });

  it('does not follow dynamic imports: lazy chart, other routes and their chunks stay out', () => {
    const report = computeBudgets(fakeManifest(), sizes(fakeSizes), { budgets, readText });
    const all = report.budgets.flatMap((b) => b.jsFiles);
    expect(all).not.toContain('assets/Chart.js');
    expect(all).not.toContain('assets/DashboardPage.js');
    expect(all).not.toContain('assets/LogFormPage.js'); // MobileHome's own dynamic import
    expect(report.budgets.every((b) => b.heavy.length === 0)).toBe(true);
  });

  it('counts CSS separately, not in the JavaScript budget', () => {
    const report = computeBudgets(fakeManifest(), sizes(fakeSizes), { budgets, readText });
    const mobile = report.budgets[1];
    expect(mobile.cssBytes).toBe(3 * kB);
    expect(mobile.jsBytes).toBe(195 * kB);
  });

  it('reports a budget that is exceeded as OVER and fails', () => {
    // "at most": exactly on the limit passes
    const atLimit = computeBudgets(fakeManifest(), sizes({ ...fakeSizes, 'assets/ui.js': 7 * kB }), { budgets, readText });
    expect(atLimit.budgets[1].jsBytes).toBe(200 * kB);
    expect(atLimit.budgets[1].over).toBe(false);
    expect(atLimit.ok).toBe(true);

    const over = computeBudgets(fakeManifest(), sizes({ ...fakeSizes, 'assets/ui.js': 7 * kB + 1 }), { budgets, readText });
    expect(over.budgets[1].over).toBe(true);
    expect(over.budgets[0].over).toBe(false);
    expect(over.ok).toBe(false);
    expect(over.failures).toEqual([expect.stringMatching(/^mobile: 200\.0 kB .* over its 200 kB budget/)]);
    expect(formatReport(over)).toMatch(/mobile\s+200\.0\s+200\s+OVER/);
  });

  it('fails when the shell statically imports a chunk with ECharts inside (found by its code)', () => {
    const m = fakeManifest();
    m['index.html'].imports = [...(m['index.html'].imports ?? []), 'src/features/dashboard/Chart.tsx'];
    const report = computeBudgets(m, sizes({ ...fakeSizes, 'assets/Chart.js': 1 }), { budgets, readText });
    expect(report.ok).toBe(false);
    expect(report.budgets[0].heavy).toEqual(['assets/Chart.js']);
    expect(report.budgets[0].ok).toBe(false);
    expect(report.failures).toContain('shell: ECharts/zrender code in assets/Chart.js, which this page loads up front');
  });

  it('fails when a chunk in the set is named after echarts/zrender (a code-splitting group, node_modules path)', () => {
    const m = fakeManifest();
    m['_zrender.js'] = { file: 'assets/zrender.js', name: 'zrender' };
    m['_ui.js'].imports = ['_vendor.js', '_zrender.js'];
    const report = computeBudgets(m, sizes({ ...fakeSizes, 'assets/zrender.js': 1 }), { budgets }); // no readText
    expect(report.budgets[0].heavy).toEqual([]);
    expect(report.budgets[1].heavy).toEqual(['assets/zrender.js']);
    expect(report.ok).toBe(false);

    const m2 = fakeManifest();
    m2['node_modules/echarts/core.js'] = { file: 'assets/core.js', src: 'node_modules/echarts/core.js' };
    m2['_form.js'].imports = ['node_modules/echarts/core.js'];
    const report2 = computeBudgets(m2, sizes({ ...fakeSizes, 'assets/core.js': 1 }), { budgets });
    expect(report2.budgets[0].heavy).toEqual(['assets/core.js']);
  });

  it('fails when a route module is missing from the manifest rather than passing on the entry alone', () => {
    const report = computeBudgets(fakeManifest(), sizes(fakeSizes), {
      budgets: [{ name: 'gone', routes: ['src/features/auth/OldLogin.tsx'], limitKb: 300 }],
      readText,
    });
    expect(report.ok).toBe(false);
    expect(report.failures[0]).toMatch(/OldLogin\.tsx is not in the manifest/);
  });

  it('lists the largest chunks overall, heavy ones marked', () => {
    const report = computeBudgets(fakeManifest(), sizes(fakeSizes), { budgets, readText, largest: 3 });
    expect(report.largest.map((c) => [c.file, c.heavy])).toEqual([
      ['assets/LogFormPage.js', false],
      ['assets/Chart.js', true],
      ['assets/react.js', false],
    ]);
  });

  it('follows static imports transitively and survives cycles', () => {
    const m: Manifest = {
      a: { file: 'a.js', imports: ['b'] },
      b: { file: 'b.js', imports: ['c', 'a'] },
      c: { file: 'c.js', imports: ['b'], dynamicImports: ['d'] },
      d: { file: 'd.js' },
    };
    expect(collectChunks(m, ['a']).sort()).toEqual(['a', 'b', 'c']);
  });
});

describe('the real budgets', () => {
  it('name modules that exist and are loaded lazily (by the router, the screens table, or the catalogue loader)', () => {
    const loaders = ['src/app/router.tsx', 'src/app/mobileScreens.tsx', 'src/i18n/index.ts']
      .map((f) => readFileSync(resolve(frontend, f), 'utf8'))
      .join('\n');
    for (const b of BUDGETS) {
      for (const r of b.routes) {
        // a catalogue part is its file with ?part=… (src/i18n/parts.mjs)
        const [file, query] = r.split('?');
        expect(existsSync(resolve(frontend, file)), r).toBe(true);
        const base = file.split('/').pop()!.replace(/\.tsx?$/, '').replace(/[.]/g, '\\.') + (query ? `\\?${query}` : '');
        expect(loaders, r).toMatch(new RegExp(`import\\('\\.{1,2}/(?:[\\w/]+/)?${base}'\\)`));
      }
    }
    expect(BUDGETS.map((b) => b.limitKb)).toEqual([300, 200]);
  });

  it('look for markers that the installed ECharts and zrender still contain', () => {
    const nm = resolve(frontend, 'node_modules');
    const echarts = readFileSync(resolve(nm, 'echarts/lib/core/echarts.js'), 'utf8');
    const zrender = readFileSync(resolve(nm, 'zrender/lib/Element.js'), 'utf8') + readFileSync(resolve(nm, 'zrender/lib/graphic/Displayable.js'), 'utf8');
    expect(HEAVY_MARKERS.filter((m) => echarts.includes(`'${m}'`))).not.toEqual([]);
    expect(HEAVY_MARKERS.filter((m) => zrender.includes(`'${m}'`))).not.toEqual([]);
  });
});
