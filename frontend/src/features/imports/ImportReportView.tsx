// A check's (or a refused import's) report: the counts, the columns that were not understood, and
// every error by row and column in a table that pages and sorts by row, exportable to Excel.
import { useMemo } from 'react';
import { Alert, Card, Col, Grid, Row, Statistic, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { ImportIssue, ImportKind, ImportReport } from '../../api/types';
import { DocumentDownloadButton } from '../../components/DocumentDownloadButton';
import { EMPTY } from '../../lib/format';
import { fetchErrorWorkbook } from './api';

type IssueRow = ImportIssue & { key: number };

export function ImportReportView({ kind, report, file }: { kind: ImportKind; report: ImportReport; file: File | null }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const rows = useMemo<IssueRow[]>(() => report.errors.map((e, i) => ({ ...e, key: i })), [report.errors]);
  const shown = report.errors.length;

  const columns: NonNullable<TableProps<IssueRow>['columns']> = [
    {
      title: t('imports.col.row'),
      dataIndex: 'row',
      width: 72,
      sorter: (a, b) => a.row - b.row,
      defaultSortOrder: 'ascend',
      sortDirections: ['ascend', 'descend', 'ascend'],
    },
    { title: t('imports.col.column'), dataIndex: 'column', width: 120, render: (v: string | null) => v || EMPTY },
    {
      title: t('imports.col.value'),
      dataIndex: 'value',
      width: 140,
      render: (v: string | null) => (v ? <Typography.Text code className="import-cell-value">{v}</Typography.Text> : EMPTY),
    },
    { title: t('imports.col.problem'), dataIndex: 'message', render: (v: string) => <span className="import-problem">{v}</span> },
  ];

  return (
    <div className="import-report" data-testid="import-report">
      <Row gutter={[12, 12]}>
        <Col xs={8}>
          <Card size="small">
            <Statistic title={t('imports.stat.rows')} value={report.rows} data-testid="stat-rows" />
          </Card>
        </Col>
        <Col xs={8}>
          <Card size="small">
            <Statistic title={t('imports.stat.validRows')} value={report.valid_rows} data-testid="stat-valid" />
          </Card>
        </Col>
        <Col xs={8}>
          <Card size="small">
            <Statistic
              title={t('imports.stat.errors')}
              value={report.error_count}
              styles={report.error_count > 0 ? { content: { color: 'var(--ant-color-error, #cf1322)' } } : undefined}
              data-testid="stat-errors"
            />
          </Card>
        </Col>
      </Row>
      {report.ignored_columns.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('imports.ignoredTitle')}
          description={t('imports.ignored', { columns: report.ignored_columns.join(t('imports.listSeparator')) })}
          data-testid="import-ignored"
        />
      )}
      {report.error_count === 0 ? (
        report.dry_run && (
          <Alert type="success" showIcon title={t('imports.clean', { count: report.valid_rows })} data-testid="import-clean" />
        )
      ) : (
        <>
          <div className="import-errors-head">
            <Typography.Title level={5}>{t('imports.errorsTitle', { count: report.error_count })}</Typography.Title>
            {file && (
              <DocumentDownloadButton
                kind="xlsx"
                fetchFile={() => fetchErrorWorkbook(kind, file)}
                fileName={`${t('imports.errorsFileName', { kind: t(`imports.kind.${kind}`) })}-${dayjs().format('YYYY-MM-DD')}`}
                failed={t('imports.exportFailed')}
                label={t('imports.exportErrors')}
                testId="import-export-errors"
              />
            )}
          </div>
          {report.error_count > shown && (
            <Alert type="info" showIcon title={t('imports.truncated', { total: report.error_count, shown })} data-testid="import-truncated" />
          )}
          <Table<IssueRow>
            size="small"
            data-testid="import-errors"
            columns={columns}
            dataSource={rows}
            scroll={{ x: 560 }}
            pagination={{
              defaultPageSize: 10,
              showSizeChanger: !!screens.sm,
              pageSizeOptions: [10, 20, 50, 100],
              simple: !screens.sm,
              size: 'small',
              showTotal: screens.sm ? (total: number) => t('common.total', { count: total }) : undefined,
              hideOnSinglePage: false,
            }}
          />
        </>
      )}
    </div>
  );
}
