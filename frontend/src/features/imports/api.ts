// The import endpoints: templates, the check (dry run), the import, and the check's errors as Excel.
// The file goes up with XMLHttpRequest (uploadForm) so the page can show the upload's progress.
import { authFetch, fetchBlob, problemOf, uploadForm } from '../../api/client';
import { ApiError } from '../../api/problem';
import type { ImportKind, ImportReport } from '../../api/types';
import { asImportReport } from './importState';

const base = (kind: ImportKind) => `/api/v1/imports/${kind}`;

function formWith(file: File): FormData {
  const form = new FormData();
  form.append('file', file, file.name);
  return form;
}

/** The template to fill in, headings in the UI language (the XLSX one with drop-downs and reference sheets). */
export function fetchTemplate(kind: ImportKind, format: 'xlsx' | 'csv'): Promise<Blob> {
  return fetchBlob(`${base(kind)}/template?format=${format}`);
}

/** The dry run: every row and column error, nothing written. */
export function checkFile(kind: ImportKind, file: File, onProgress?: (percent: number) => void): Promise<ImportReport> {
  return uploadForm<ImportReport>(`${base(kind)}?dry_run=true`, formWith(file), onProgress);
}

/** The real run: every row written (201), or none (a 422 whose problem carries the report, see rejectedReport). */
export function importFile(kind: ImportKind, file: File, onProgress?: (percent: number) => void): Promise<ImportReport> {
  return uploadForm<ImportReport>(`${base(kind)}?dry_run=false`, formWith(file), onProgress);
}

/** The same file checked again, its errors answered as a workbook (row, column, value, problem). */
export async function fetchErrorWorkbook(kind: ImportKind, file: File): Promise<Blob> {
  const url = new URL(`${base(kind)}?dry_run=true&format=xlsx`, window.location.origin);
  const res = await authFetch(new Request(url, { method: 'POST', body: formWith(file) }));
  if (!res.ok) throw await problemOf(res);
  return res.blob();
}

/** The report of an import refused because some row has an error (422 with `report`), else null. */
export function rejectedReport(error: unknown): ImportReport | null {
  if (!(error instanceof ApiError) || error.status !== 422) return null;
  const body = error.body;
  if (typeof body !== 'object' || body === null || !('report' in body)) return null;
  return asImportReport(body.report);
}
