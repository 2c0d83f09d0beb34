#!/usr/bin/env node
// @ts-check
// Bundle budgets, run after every `vite build` (npm run build): the gzip size of the JavaScript the
// login page + app shell and the teacher's mobile home load up front, against their limits, and no
// ECharts/zrender in either. Prints a table and the largest chunks; exits 1 when a budget fails.
//   node scripts/bundle-budget.mjs [--warn] [outDir]     (default: dist, as build.outDir in vite.config.ts)
// Needs build.manifest (vite.config.ts). The rules are in budget-lib.mjs.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { computeBudgets, formatReport } from './budget-lib.mjs';

const frontend = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
// --warn: report an exceeded budget without failing (while the shell is being slimmed to budget)
const warnOnly = args.includes('--warn');
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
process.exit(report.ok || warnOnly ? 0 : 1);
