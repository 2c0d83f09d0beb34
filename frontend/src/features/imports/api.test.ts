import { describe, expect, it } from 'vitest';
import { ApiError, toProblem } from '../../api/problem';
import { rejectedReport } from './api';

const report = {
  kind: 'schools',
  dry_run: false,
  rows: 2,
  valid_rows: 1,
  created: 0,
  error_count: 1,
  errors: [{ row: 3, column: '学段', field: 'stage', value: '大学', message: '“大学”不是可选值' }],
  ignored_columns: [],
  created_ids: [],
};

describe('rejectedReport', () => {
  it("reads the report of an import refused for its rows' errors (422 with report)", () => {
    const body = { type: 'about:blank', title: '数据校验失败', status: 422, detail: '文件中有 1 处错误，未导入任何数据。', report };
    expect(rejectedReport(new ApiError(toProblem(body, 422), body))).toEqual(report);
  });

  it('is null for a problem with the whole file, another status, or no ApiError', () => {
    const missing = { status: 422, detail: '缺少必填列：学段。' };
    expect(rejectedReport(new ApiError(toProblem(missing, 422), missing))).toBeNull();
    const forbidden = { status: 403, detail: 'no', report };
    expect(rejectedReport(new ApiError(toProblem(forbidden, 403), forbidden))).toBeNull();
    expect(rejectedReport(new ApiError({ status: 422 }))).toBeNull();
    expect(rejectedReport(new TypeError('network'))).toBeNull();
  });
});
