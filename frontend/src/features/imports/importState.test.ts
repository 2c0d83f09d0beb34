import { describe, expect, it } from 'vitest';
import type { ImportReport } from '../../api/types';
import { accessFor } from '../../app/access';
import {
  asImportReport,
  canImport,
  countCsvRows,
  fileRefusal,
  importKinds,
  importReducer,
  initialImportState,
  kindFrom,
  reportOf,
  rowsToImport,
  stepOf,
  type FileLike,
  type ImportAction,
  type ImportState,
} from './importState';

function report(over: Partial<ImportReport> = {}): ImportReport {
  return {
    kind: 'schools',
    dry_run: true,
    rows: 2,
    valid_rows: 2,
    created: 0,
    error_count: 0,
    errors: [],
    ignored_columns: [],
    created_ids: [],
    ...over,
  };
}

const bad = report({
  valid_rows: 1,
  error_count: 1,
  errors: [{ row: 3, column: '学段', field: 'stage', value: '大学', message: '“大学”不是可选值' }],
});

const fileA: FileLike = { name: 'schools.csv', size: 120 };
const fileB: FileLike = { name: 'schools-fixed.csv', size: 118 };

function play(actions: ImportAction[], start: ImportState = initialImportState('schools')): ImportState {
  return actions.reduce(importReducer, start);
}

/** Choose a file and run a check answering `answer` (under the token the check was asked with). */
function checked(answer: ImportReport, file: FileLike = fileA, start?: ImportState): ImportState {
  const s = play([{ type: 'file', file }], start);
  return play([{ type: 'send', run: 'check' }, { type: 'checked', token: s.token, report: answer }], s);
}

describe('import state', () => {
  it('starts empty, with nothing to import', () => {
    const s = initialImportState('schools');
    expect(s.phase).toEqual({ step: 'empty' });
    expect(canImport(s)).toBe(false);
    expect(stepOf(s.phase)).toEqual({ current: 0, error: false });
  });

  it('a file alone cannot be imported: it must be checked first', () => {
    const s = play([{ type: 'file', file: fileA }]);
    expect(s.phase.step).toBe('ready');
    expect(canImport(s)).toBe(false);
    // an import asked for anyway is ignored
    expect(importReducer(s, { type: 'send', run: 'import' })).toBe(s);
  });

  it('a clean check of the same file enables the import of its valid rows', () => {
    const s = checked(report({ rows: 5, valid_rows: 5 }));
    expect(canImport(s)).toBe(true);
    expect(rowsToImport(s)).toBe(5);
    expect(stepOf(s.phase)).toEqual({ current: 3, error: false });
  });

  it('a check with errors does not enable the import', () => {
    const s = checked(bad);
    expect(canImport(s)).toBe(false);
    expect(rowsToImport(s)).toBe(0);
    expect(reportOf(s.phase)).toBe(bad);
    expect(stepOf(s.phase)).toEqual({ current: 2, error: true });
  });

  it('a check that found no rows, or of another kind, does not enable it either', () => {
    expect(canImport(checked(report({ rows: 0, valid_rows: 0 })))).toBe(false);
    expect(canImport(checked(report({ kind: 'teachers' })))).toBe(false);
    // a real run's answer is not a check
    expect(canImport(checked(report({ dry_run: false })))).toBe(false);
  });

  it('choosing a new file forgets the report and needs a new check', () => {
    const clean = checked(report());
    const next = play([{ type: 'file', file: fileB }], clean);
    expect(next.file).toBe(fileB);
    expect(next.phase).toEqual({ step: 'ready' });
    expect(reportOf(next.phase)).toBeNull();
    expect(canImport(next)).toBe(false);
  });

  it('choosing another kind forgets the file and the report', () => {
    const clean = checked(report());
    const next = play([{ type: 'kind', kind: 'teachers' }], clean);
    expect(next.kind).toBe('teachers');
    expect(next.file).toBeNull();
    expect(next.phase).toEqual({ step: 'empty' });
    // the same kind again changes nothing
    expect(importReducer(clean, { type: 'kind', kind: 'schools' })).toBe(clean);
  });

  it("drops the answer to a check of an earlier file (it finished after the user chose another)", () => {
    const s = play([{ type: 'file', file: fileA }]);
    const oldToken = s.token;
    const sending = play([{ type: 'send', run: 'check' }], s);
    const replaced = play([{ type: 'file', file: fileB }], sending);
    const late = play([{ type: 'checked', token: oldToken, report: report() }, { type: 'progress', token: oldToken, percent: 80 }], replaced);
    expect(late.phase).toEqual({ step: 'ready' });
    expect(canImport(late)).toBe(false);
  });

  it('shows the upload progress, never going back, then the rows being checked', () => {
    let s = play([{ type: 'file', file: fileA }]);
    const token = s.token;
    s = play([{ type: 'estimated', token, rows: 2 }, { type: 'send', run: 'check' }], s);
    expect(s.phase).toEqual({ step: 'sending', run: 'check', percent: 0, rows: 2 });
    s = play([{ type: 'progress', token, percent: 60 }, { type: 'progress', token, percent: 40 }], s);
    expect(s.phase).toMatchObject({ percent: 60 });
    s = play([{ type: 'progress', token, percent: 140 }], s);
    expect(s.phase).toMatchObject({ percent: 100 });
    // a second click while sending is ignored
    expect(importReducer(s, { type: 'send', run: 'check' })).toBe(s);
  });

  it('an import sends the rows of the clean check, and its success ends the run', () => {
    let s = checked(report({ rows: 3, valid_rows: 3 }));
    const token = s.token;
    s = play([{ type: 'send', run: 'import' }], s);
    expect(s.phase).toEqual({ step: 'sending', run: 'import', percent: 0, rows: 3 });
    s = play([{ type: 'imported', token, report: report({ dry_run: false, created: 3, created_ids: [7, 8, 9] }) }], s);
    expect(s.phase.step).toBe('imported');
    expect(canImport(s)).toBe(false);
    expect(stepOf(s.phase).current).toBe(4);
    // "import another file": same kind, empty again
    const again = play([{ type: 'clear' }], s);
    expect(again.phase).toEqual({ step: 'empty' });
    expect(again.kind).toBe('schools');
    expect(again.file).toBeNull();
  });

  it('a refused import (422) shows its report and cannot be sent again before a new check', () => {
    let s = checked(report());
    const token = s.token;
    s = play([{ type: 'send', run: 'import' }, { type: 'rejected', token, report: { ...bad, dry_run: false }, detail: '文件中有 1 处错误' }], s);
    expect(s.phase.step).toBe('rejected');
    expect(reportOf(s.phase)?.error_count).toBe(1);
    expect(canImport(s)).toBe(false);
  });

  it('a problem with the whole file is kept as its detail', () => {
    let s = play([{ type: 'file', file: fileA }]);
    const token = s.token;
    s = play([{ type: 'send', run: 'check' }, { type: 'failed', token, run: 'check', detail: '缺少必填列：学段。' }], s);
    expect(s.phase).toEqual({ step: 'failed', run: 'check', detail: '缺少必填列：学段。' });
    expect(canImport(s)).toBe(false);
    expect(stepOf(s.phase)).toEqual({ current: 2, error: true });
  });

  it('a file refused in the browser replaces the one chosen before', () => {
    const s = play([{ type: 'refuse', name: 'old.xls', reason: 'type' }], checked(report()));
    expect(s.file).toBeNull();
    expect(s.phase).toEqual({ step: 'refused', reason: 'type', name: 'old.xls' });
    expect(canImport(s)).toBe(false);
  });
});

describe('fileRefusal', () => {
  it('takes .xlsx and .csv up to 5 MB', () => {
    expect(fileRefusal({ name: 'a.xlsx', size: 10 })).toBeNull();
    expect(fileRefusal({ name: 'A.CSV', size: 5 * 1024 * 1024 })).toBeNull();
    expect(fileRefusal({ name: 'a.xls', size: 10 })).toBe('type');
    expect(fileRefusal({ name: 'a.numbers', size: 10 })).toBe('type');
    expect(fileRefusal({ name: 'a.csv', size: 5 * 1024 * 1024 + 1 })).toBe('size');
    expect(fileRefusal({ name: 'a.csv', size: 0 })).toBe('empty');
  });
});

describe('countCsvRows', () => {
  it('counts the records after the heading, skipping empty rows', () => {
    expect(countCsvRows('\uFEFF学校代码,学校名称\r\nA,一\r\nB,二\r\n')).toBe(2);
    expect(countCsvRows('code,name\nA,x\n\n,,\nB,y')).toBe(2);
    expect(countCsvRows('code,name\n')).toBe(0);
    expect(countCsvRows('')).toBe(0);
  });

  it('keeps a line break inside a quoted cell in its record', () => {
    expect(countCsvRows('code,address\nA,"一号楼\n二层"\nB,"say ""hi"""\n')).toBe(2);
  });
});

describe('importKinds', () => {
  it('the bureau admin imports all three kinds, a school admin only teachers, others none', () => {
    expect(importKinds(accessFor({ role: 'bureau_admin', school_id: null }).can)).toEqual(['schools', 'teachers', 'users']);
    expect(importKinds(accessFor({ role: 'school_admin', school_id: 4 }).can)).toEqual(['teachers']);
    expect(importKinds(accessFor({ role: 'bureau_viewer', school_id: null }).can)).toEqual([]);
    expect(importKinds(accessFor({ role: 'teacher', school_id: 4 }).can)).toEqual([]);
  });

  it('reads ?kind= only as an allowed kind', () => {
    expect(kindFrom('users', ['schools', 'teachers', 'users'])).toBe('users');
    expect(kindFrom('users', ['teachers'])).toBe('teachers');
    expect(kindFrom(null, ['schools', 'teachers'])).toBe('schools');
    expect(kindFrom('schools', [])).toBeUndefined();
  });
});

describe('asImportReport', () => {
  it('accepts a report as the server sends it and refuses anything else', () => {
    const r = { ...bad, dry_run: false };
    expect(asImportReport(JSON.parse(JSON.stringify(r)))).toEqual(r);
    expect(asImportReport(null)).toBeNull();
    expect(asImportReport({ ...r, kind: 'pupils' })).toBeNull();
    expect(asImportReport({ ...r, rows: '2' })).toBeNull();
    expect(asImportReport({ ...r, errors: [{ row: 3 }] })).toBeNull();
  });
});
