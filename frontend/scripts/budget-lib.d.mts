// Types of budget-lib.mjs, so TypeScript (strict, no allowJs) can check its unit test.

/** One chunk of Vite's build manifest (dist/.vite/manifest.json), keyed by source path or `_name`. */
export interface ManifestChunk {
  file: string;
  name?: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
  assets?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

export interface Budget {
  name: string;
  /** manifest keys (source paths) of the lazily loaded route modules the page needs */
  routes: string[];
  limitKb: number;
}

export interface ComputeOptions {
  budgets?: Budget[];
  /** the text of a file under the output dir; when given, chunk code is searched for ECharts/zrender */
  readText?: (file: string) => string;
  /** how many of the largest chunks to list (5) */
  largest?: number;
}

export interface BudgetResult {
  name: string;
  limitKb: number;
  jsBytes: number;
  cssBytes: number;
  /** manifest keys in the set */
  chunks: string[];
  jsFiles: string[];
  /** files in the set that carry ECharts/zrender */
  heavy: string[];
  /** route modules not found in the manifest */
  missing: string[];
  over: boolean;
  ok: boolean;
}

export interface LargestChunk {
  file: string;
  name: string;
  bytes: number;
  heavy: boolean;
}

export interface BudgetReport {
  budgets: BudgetResult[];
  largest: LargestChunk[];
  failures: string[];
  ok: boolean;
}

export const KB: number;
export const BUDGETS: Budget[];
export const HEAVY_NAME: RegExp;
export const HEAVY_MARKERS: string[];
export function collectChunks(manifest: Manifest, roots: string[]): string[];
export function computeBudgets(manifest: Manifest, readSize: (file: string) => number, options?: ComputeOptions): BudgetReport;
export function fmtKb(bytes: number): string;
export function formatReport(report: BudgetReport): string;
