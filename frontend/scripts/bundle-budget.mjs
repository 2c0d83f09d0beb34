#!/usr/bin/env node
// @ts-check
// Bundle budgets, run after every `vite build` (npm run build): the gzip size of the JavaScript the
// login page + app shell and the teacher's mobile home load up front, against their limits, and no
// ECharts/zrender in either. Prints a table and the largest chunks; exits 1 when a budget fails.
//   node scripts/bundle-budget.mjs [--warn=NAME …] [outDir]     (default: dist, as build.outDir in vite.config.ts)
// Needs build.manifest (vite.config.ts). The rules are in budget-lib.mjs.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { computeBudgets, formatReport } from './budget-lib.mjs';

const frontend = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
// --warn=NAME: report that budget's excess without failing the build (a budget known to be missed,
// while that part is slimmed); every other budget fails the build when exceeded.
const warned = new Set(args.filter((a) => a.startsWith('--warn=')).map((a) => a.slice('--warn='.length)));
const outDir = resolve(frontend, args.find((a) => !a.startsWith('--')) ?? 'dist');
const manifestPath = resolve(outDir, '.vite', 'manifest.json');
if (!existsSync(manifestPath)) {
  console.error(`bundle-budget: ${manifestPath} not found (build with build.manifest: true first)`);
  process.exit(1);
}
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
const read = (/** @type {string} */ file) => readFileSync(resolve(outDir, file));
// zlib's default level (6), as in Vite's own size report; nginx/default.conf serves level 5
const report = computeBudgets(manifest, (file) => gzipSync(read(file)).length, {
  readText: (file) => read(file).toString('utf8'),
});
console.log(formatReport(report));
// ECharts in a budgeted set, or a budget's module gone, always fails; only the size may be warned.
const failing = report.budgets.filter((b) => (b.over && !warned.has(b.name)) || b.heavy.length > 0 || b.missing.length > 0);
for (const b of report.budgets.filter((x) => x.over && warned.has(x.name))) {
  console.log(`bundle-budget: "${b.name}" is over budget (known, reported only: --warn=${b.name})`);
}
process.exit(failing.length === 0 ? 0 : 1);
