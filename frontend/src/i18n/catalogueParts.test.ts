// @vitest-environment node
// The catalogue's parts (parts.mjs) against the code that renders with them: every key the shells'
// modules name is in the shell's part (loaded before the first render), every key the phone screens'
// modules name in the shell's or the mobile part (loaded with them). The desktop pages load the whole
// catalogue. Modules are found from the entry through their imports: static ones, and lazy ones
// other than the pages' (desktopPages.tsx) and the screens' (mobileScreens.tsx), which render
// without a further part.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import zhCN from './zh-CN.json';
import en from './en.json';
import { CATALOGUE_PARTS, pickPart, type Tree } from './parts.mjs';

const src = resolve(__dirname, '..');
const catalogue: Tree = zhCN;

function resolveModule(from: string, spec: string): string | null {
  if (!spec.startsWith('.') || /\.(css|json)(\?|$)/.test(spec)) return null;
  const base = resolve(dirname(from), spec);
  if (existsSync(`${base}.d.ts`)) return null; // types only (api/schema.d.ts)
  for (const candidate of [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`, base]) {
    if (existsSync(candidate) && !candidate.endsWith('.d.ts')) return candidate;
  }
  throw new Error(`${relative(src, from)}: cannot resolve ${spec}`);
}

interface Graph {
  /** modules that render with the shell's part only */
  shell: string[];
  /** modules of the phone screens (shell and mobile parts) */
  mobile: string[];
}

/** The modules reachable from main.tsx, sorted by the catalogue parts they render with. */
function graph(): Graph {
  const shell = new Set<string>();
  const mobile = new Set<string>();
  const visit = (file: string, into: Set<string>) => {
    if (into.has(file) || (into === mobile && shell.has(file))) return;
    into.add(file);
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'([^']+)'/g)) {
      const dep = resolveModule(file, m[1]);
      if (dep) visit(dep, into);
    }
    for (const m of code.matchAll(/(?:\b(page|screen)\(\(\) => )?import\('([^']+)'\)/g)) {
      const dep = resolveModule(file, m[2]);
      if (!dep) continue;
      // desktopPages.tsx's page(): a desktop page, with the whole catalogue; mobileScreens.tsx's
      // screen(): a phone screen, with the mobile part; any other lazy module renders with what is there
      if (m[1] === 'page') continue;
      visit(dep, m[1] === 'screen' ? mobile : into);
    }
  };
  visit(resolve(src, 'main.tsx'), shell);
  return { shell: [...shell], mobile: [...mobile].filter((f) => !shell.has(f)) };
}

/** The subtree or string at a dotted path, or undefined. */
function at(tree: Tree, path: string): string | Tree | undefined {
  let node: string | Tree | undefined = tree;
  for (const segment of path.split('.')) {
    if (node === undefined || typeof node === 'string' || !Object.hasOwn(node, segment)) return undefined;
    node = node[segment];
  }
  return node;
}

/** Catalogue paths a module names: whole keys in quotes, and the fixed start of template keys (`enum.rotationStatus.${s}`). */
function namedKeys(code: string): string[] {
  const out: string[] = [];
  for (const m of code.matchAll(/'([a-zA-Z][\w.]*\.[\w.]*)'|"([a-zA-Z][\w.]*\.[\w.]*)"/g)) {
    const path = m[1] ?? m[2];
    if (typeof at(catalogue, path) === 'string') out.push(path);
  }
  for (const m of code.matchAll(/`([a-zA-Z][\w.]*)\$\{/g)) {
    const path = m[1].slice(0, m[1].lastIndexOf('.'));
    if (path && typeof at(catalogue, path) === 'object') out.push(path);
  }
  return out;
}

/** Every path of `path` (a key or subtree) in `part`, with nothing missing. */
function covered(part: Tree, path: string): boolean {
  const want = at(catalogue, path);
  const have = at(part, path);
  return JSON.stringify(want) === JSON.stringify(have);
}

describe('catalogue parts', () => {
  const shellPart = pickPart(catalogue, CATALOGUE_PARTS.shell);
  const mobilePart = pickPart(catalogue, [...CATALOGUE_PARTS.shell, ...CATALOGUE_PARTS.mobile]);
  const modules = graph();

  it('find the shells and the phone screens', () => {
    const names = (files: string[]) => files.map((f) => relative(src, f));
    expect(names(modules.shell)).toEqual(
      expect.arrayContaining(['main.tsx', 'app/AppLayout.tsx', 'features/auth/LoginPage.tsx', 'features/notifications/ReminderPopover.tsx', 'components/Results.tsx']),
    );
    expect(names(modules.mobile)).toEqual(expect.arrayContaining(['mobile/MobileHome.tsx', 'mobile/LogFormPage.tsx', 'mobile/ui.tsx']));
    // the desktop pages are not among them
    expect(names([...modules.shell, ...modules.mobile]).filter((f) => f.endsWith('Page.tsx') && !f.startsWith('mobile/'))).toEqual([
      'features/auth/LoginPage.tsx',
    ]);
  });

  it("hold every key the shells' code names", () => {
    const missing = modules.shell.flatMap((f) => namedKeys(readFileSync(f, 'utf8')).filter((k) => !covered(shellPart, k)).map((k) => `${relative(src, f)}: ${k}`));
    expect(missing).toEqual([]);
  });

  it("hold every key the phone screens' code names", () => {
    const missing = modules.mobile.flatMap((f) => namedKeys(readFileSync(f, 'utf8')).filter((k) => !covered(mobilePart, k)).map((k) => `${relative(src, f)}: ${k}`));
    expect(missing).toEqual([]);
  });

  it('name keys both catalogues have, and cut the same keys out of each', () => {
    const keys = (t: Tree, prefix = ''): string[] =>
      Object.entries(t).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));
    for (const paths of Object.values(CATALOGUE_PARTS)) {
      expect(keys(pickPart(en, paths)).sort()).toEqual(keys(pickPart(catalogue, paths)).sort());
    }
  });

  it('are a small share of the catalogue', () => {
    const size = (t: Tree) => JSON.stringify(t).length;
    expect(size(shellPart)).toBeLessThan(size(catalogue) / 10);
    expect(size(pickPart(catalogue, CATALOGUE_PARTS.mobile))).toBeLessThan(size(catalogue) / 5);
  });

  it('refuse a path the catalogue lacks', () => {
    expect(() => pickPart(catalogue, ['mobile.nope'])).toThrow(/no key mobile\.nope/);
  });
});
