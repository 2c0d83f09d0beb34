// Pure: 422 errors on a list in the body (["body", "items", 2, "target"]) put on the form field of that
// row (["items", 2, "target"]); the rest are left for the generic handling (useFormErrors).
import type { FormInstance } from 'antd';
import type { Problem, ProblemFieldError } from '../../api/problem';

export interface ListFieldError {
  name: (string | number)[];
  errors: string[];
}

/**
 * `row(i)` names the form path of the list's i-th entry (null: not shown in the form). An error on the
 * entry itself (a rule across its fields, loc ending at the index) goes on `wholeEntryField` if given.
 */
export function listFieldErrors(
  problem: Problem,
  list: string,
  row: (index: number) => (string | number)[] | null,
  wholeEntryField?: string,
): { fields: ListFieldError[]; rest: ProblemFieldError[] } {
  const fields = new Map<string, ListFieldError>();
  const rest: ProblemFieldError[] = [];
  for (const e of problem.errors ?? []) {
    const at = e.loc.indexOf(list);
    const index = at >= 0 ? e.loc[at + 1] : undefined;
    const path = typeof index === 'number' ? row(index) : null;
    const field = typeof index === 'number' ? (e.loc[at + 2] ?? wholeEntryField) : undefined;
    if (!path || typeof field !== 'string') {
      rest.push(e);
      continue;
    }
    const name = [...path, field];
    const key = JSON.stringify(name);
    const known = fields.get(key);
    if (known) known.errors.push(e.msg);
    else fields.set(key, { name, errors: [e.msg] });
  }
  return { fields: [...fields.values()], rest };
}

/** Show them on the form (any form: the paths are built at run time) and scroll to the first. */
export function showListErrors(form: FormInstance, fields: readonly ListFieldError[]): void {
  if (fields.length === 0) return;
  form.setFields([...fields]);
  form.scrollToField(fields[0].name);
}
