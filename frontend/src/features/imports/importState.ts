// The import page's state, kept pure (no React, no requests) so its rules are tested on their own:
// a file is checked first (a dry run), and only a check of this very file and kind that found no error
// enables the import; choosing another file or kind forgets the report; an answer to a request made
// for an earlier file or kind is dropped.
import type { ImportKind, ImportReport } from '../../api/types';
import type { Capability } from '../../app/access';

export const IMPORT_KINDS = ['schools', 'teachers', 'users'] as const satisfies readonly ImportKind[];

/** The most rows one file may hold (the server's limits: account passwords are slow to hash). */
export const ROW_LIMITS: Record<ImportKind, number> = { schools: 10_000, teachers: 10_000, users: 500 };
export const MAX_FILE_MB = 5;
export const MAX_FILE_BYTES = MAX_FILE_MB * 1024 * 1024;
export const IMPORT_ACCEPT = '.xlsx,.csv';

/** Where the imported records are listed. */
export const LIST_PATHS: Record<ImportKind, string> = { schools: '/schools', teachers: '/teachers', users: '/users' };

/**
 * The kinds this user may import, as the server allows them: the bureau admin all three, a school
 * admin its own school's teachers. Each goes with the capability to create such records one by one.
 */
export function importKinds(can: (c: Capability) => boolean): ImportKind[] {
  const needs: Record<ImportKind, Capability> = { schools: 'schools.edit', teachers: 'teachers.edit', users: 'users.edit' };
  return IMPORT_KINDS.filter((k) => can(needs[k]));
}

/** `?kind=` as one of the allowed kinds, else the first allowed one. */
export function kindFrom(value: string | null, allowed: readonly ImportKind[]): ImportKind | undefined {
  return allowed.find((k) => k === value) ?? allowed[0];
}

/** What the page needs of a chosen file (a File in the browser). */
export interface FileLike {
  name: string;
  size: number;
}

export type Refusal = 'type' | 'size' | 'empty';

/** Why a file is refused before it is sent: not .xlsx/.csv (an old .xls too), over 5 MB, or empty. */
export function fileRefusal(file: FileLike): Refusal | null {
  const name = file.name.toLowerCase();
  if (!name.endsWith('.xlsx') && !name.endsWith('.csv')) return 'type';
  if (file.size > MAX_FILE_BYTES) return 'size';
  if (file.size === 0) return 'empty';
  return null;
}

export function isCsv(file: FileLike): boolean {
  return file.name.toLowerCase().endsWith('.csv');
}

/**
 * The data rows of a CSV text as the server counts them: records after the heading row, line breaks
 * inside quoted cells kept in their record, empty rows (blank or only commas) skipped. Used only to
 * say "checking N rows" while the server works.
 */
export function countCsvRows(text: string): number {
  let records = 0;
  let quoted = false;
  let content = false;
  const end = () => {
    if (content) records += 1;
    content = false;
  };
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (c === '"') {
      quoted = !quoted;
      content = true;
    } else if (!quoted && (c === '\n' || c === '\r')) {
      end();
      if (c === '\r' && text[i + 1] === '\n') i += 1;
    } else if (c !== ',' && c !== '\uFEFF' && c.trim() !== '') {
      content = true;
    }
  }
  end();
  return Math.max(0, records - 1);
}

export type Run = 'check' | 'import';

export type Phase =
  /** No file yet: the how-to. */
  | { step: 'empty' }
  /** The file chosen was refused in the browser (never sent). */
  | { step: 'refused'; reason: Refusal; name: string }
  /** A file, not checked yet. */
  | { step: 'ready' }
  /** Sending the file (percent < 100), then the server reading it (percent 100); `rows` as far as known. */
  | { step: 'sending'; run: Run; percent: number; rows: number | null }
  /** The dry run's report. */
  | { step: 'checked'; report: ImportReport }
  /** The real run refused (422): some row has an error, nothing was written. */
  | { step: 'rejected'; report: ImportReport; detail: string }
  /** Every row written. */
  | { step: 'imported'; report: ImportReport }
  /** A problem with the file as a whole (unreadable, missing columns, too many rows...) or the network. */
  | { step: 'failed'; run: Run; detail: string };

export interface ImportState<F extends FileLike = FileLike> {
  kind: ImportKind;
  file: F | null;
  /** Data rows counted in the browser (CSV only), for the progress text; null when unknown. */
  estimatedRows: number | null;
  /** Changes with every file or kind chosen: answers carry the token they were asked under. */
  token: number;
  phase: Phase;
}

export type ImportAction<F extends FileLike = FileLike> =
  | { type: 'kind'; kind: ImportKind }
  | { type: 'file'; file: F }
  | { type: 'refuse'; name: string; reason: Refusal }
  | { type: 'estimated'; token: number; rows: number | null }
  | { type: 'send'; run: Run }
  | { type: 'progress'; token: number; percent: number }
  | { type: 'checked'; token: number; report: ImportReport }
  | { type: 'imported'; token: number; report: ImportReport }
  | { type: 'rejected'; token: number; report: ImportReport; detail: string }
  | { type: 'failed'; token: number; run: Run; detail: string }
  /** Start over with this kind (after an import, "import another file"). */
  | { type: 'clear' };

export function initialImportState<F extends FileLike = FileLike>(kind: ImportKind): ImportState<F> {
  return { kind, file: null, estimatedRows: null, token: 0, phase: { step: 'empty' } };
}

export function importReducer<F extends FileLike>(state: ImportState<F>, action: ImportAction<F>): ImportState<F> {
  switch (action.type) {
    case 'kind':
      if (action.kind === state.kind) return state;
      return { ...initialImportState<F>(action.kind), token: state.token + 1 };
    case 'file':
      return { ...state, file: action.file, estimatedRows: null, token: state.token + 1, phase: { step: 'ready' } };
    case 'refuse':
      return { ...state, file: null, estimatedRows: null, token: state.token + 1, phase: { step: 'refused', reason: action.reason, name: action.name } };
    case 'clear':
      return { ...initialImportState<F>(state.kind), token: state.token + 1 };
    case 'send':
      if (!state.file || state.phase.step === 'sending') return state;
      if (action.run === 'import' && !canImport(state)) return state;
      return {
        ...state,
        phase: { step: 'sending', run: action.run, percent: 0, rows: action.run === 'check' ? state.estimatedRows : rowsToImport(state) },
      };
    default:
      break;
  }
  // an answer to a request for an earlier file or kind
  if (action.token !== state.token) return state;
  switch (action.type) {
    case 'estimated':
      return {
        ...state,
        estimatedRows: action.rows,
        phase: state.phase.step === 'sending' && state.phase.run === 'check' ? { ...state.phase, rows: action.rows } : state.phase,
      };
    case 'progress':
      if (state.phase.step !== 'sending') return state;
      return { ...state, phase: { ...state.phase, percent: Math.max(state.phase.percent, Math.min(100, action.percent)) } };
    case 'checked':
      return { ...state, phase: { step: 'checked', report: action.report } };
    case 'imported':
      return { ...state, phase: { step: 'imported', report: action.report } };
    case 'rejected':
      return { ...state, phase: { step: 'rejected', report: action.report, detail: action.detail } };
    case 'failed':
      return { ...state, phase: { step: 'failed', run: action.run, detail: action.detail } };
  }
}

/** The import may start: this file and kind were checked, and the check found rows and no error. */
export function canImport(state: ImportState): boolean {
  if (!state.file || state.phase.step !== 'checked') return false;
  const { report } = state.phase;
  return report.dry_run && report.kind === state.kind && report.error_count === 0 && report.valid_rows > 0;
}

/** The rows an import would write (those of the clean check), else 0. */
export function rowsToImport(state: ImportState): number {
  return canImport(state) && state.phase.step === 'checked' ? state.phase.report.valid_rows : 0;
}

/** The report on show, whichever step gave it. */
export function reportOf(phase: Phase): ImportReport | null {
  return phase.step === 'checked' || phase.step === 'rejected' || phase.step === 'imported' ? phase.report : null;
}

/** Where the four how-to steps stand: 0 pick a template, 2 check, 3 import, 4 done. */
export function stepOf(phase: Phase): { current: number; error: boolean } {
  switch (phase.step) {
    case 'empty':
    case 'refused':
      return { current: 0, error: phase.step === 'refused' };
    case 'ready':
      return { current: 2, error: false };
    case 'sending':
      return { current: phase.run === 'check' ? 2 : 3, error: false };
    case 'checked':
      return phase.report.error_count === 0 ? { current: 3, error: false } : { current: 2, error: true };
    case 'rejected':
      return { current: 3, error: true };
    case 'failed':
      return { current: phase.run === 'check' ? 2 : 3, error: true };
    case 'imported':
      return { current: 4, error: false };
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** An ImportReport as the server sends it (in a 422 problem's `report`), checked field by field. */
export function asImportReport(v: unknown): ImportReport | null {
  if (!isRecord(v)) return null;
  const { kind, dry_run, rows, valid_rows, created, error_count, errors, ignored_columns } = v;
  if (!IMPORT_KINDS.some((k) => k === kind) || typeof dry_run !== 'boolean') return null;
  if (![rows, valid_rows, created, error_count].every((n) => typeof n === 'number')) return null;
  if (!Array.isArray(errors) || !Array.isArray(ignored_columns)) return null;
  if (!errors.every((e) => isRecord(e) && typeof e.row === 'number' && typeof e.message === 'string')) return null;
  return v as ImportReport;
}
