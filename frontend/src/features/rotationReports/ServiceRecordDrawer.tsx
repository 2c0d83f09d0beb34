// One teacher's service record: days of rural and weak-school service against the title rule, the
// completed rotations behind them (each with its certificate) and the six-field archive record (Excel).
import { Button, Card, Descriptions, Drawer, Empty, Grid, List, Progress, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import dayjs from 'dayjs';
import type { ArchiveRow, Rotation } from '../../api/types';
import { ExportButton } from '../../components/ExportButton';
import { LoadError, PageLoading } from '../../components/Results';
import { formatDate } from '../../lib/format';
import { daysPercent } from './figures';
import { CertificateButton } from './parts';
import { useServiceRecord, useTeacherArchive } from './queries';

export interface LedgerTeacher {
  teacher_id: number;
  teacher_name: string;
  school_name: string;
}

export function EligibilityTag({ eligible }: { eligible: boolean }) {
  const { t } = useTranslation();
  return (
    <Tag color={eligible ? 'success' : 'error'} data-testid="title-eligibility" data-eligible={String(eligible)}>
      {eligible ? t('rotationReport.ledger.eligible') : t('rotationReport.ledger.notEligible')}
    </Tag>
  );
}

/** "334 / 365 天" with a bar. */
export function DaysServed({ served, required, testId }: { served: number; required: number; testId: string }) {
  const { t } = useTranslation();
  const met = served >= required;
  return (
    <div style={{ minWidth: 120 }} data-testid={testId} data-served={served}>
      <Typography.Text type={met ? 'success' : undefined}>{t('rotationReport.ledger.daysOf', { served, required })}</Typography.Text>
      <Progress percent={daysPercent(served, required)} size="small" showInfo={false} status={met ? 'success' : 'normal'} style={{ margin: 0 }} />
    </div>
  );
}

function inclusiveDays(r: Rotation): number {
  return dayjs(r.end_date).diff(dayjs(r.start_date), 'day') + 1;
}

function CompletedRotations({ rotations }: { rotations: Rotation[] }) {
  const { t } = useTranslation();
  if (rotations.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('rotationReport.record.noneCompleted')} />;
  return (
    <List<Rotation>
      dataSource={rotations}
      rowKey="id"
      data-testid="completed-rotations"
      renderItem={(r) => (
        <List.Item style={{ padding: '4px 0', borderBlockEnd: 'none' }}>
          <Card size="small" style={{ width: '100%' }} data-testid="completed-rotation" data-rotation-id={r.id}>
            <Space orientation="vertical" size={4} style={{ width: '100%' }}>
              <Space size={4} wrap>
                <Link to={`/rotations/${r.id}`}>
                  <Typography.Text strong>{r.to_school_name}</Typography.Text>
                </Link>
                <Tag>{t(`enum.rotationKind.${r.kind}`)}</Tag>
              </Space>
              <Typography.Text type="secondary">
                {t('rotationReport.record.period', { from: formatDate(r.start_date), to: formatDate(r.end_date), days: inclusiveDays(r) })}
              </Typography.Text>
              <CertificateButton rotation={r} />
            </Space>
          </Card>
        </List.Item>
      )}
    />
  );
}

function ArchiveRows({ teacherId, teacherName }: { teacherId: number; teacherName: string }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const query = useTeacherArchive(teacherId);
  const rows = query.data?.items ?? [];
  const header = (
    <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8, flexWrap: 'wrap', margin: '16px 0 8px' }}>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('rotationReport.record.archive')}
      </Typography.Title>
      <ExportButton
        resource="rotations/archive"
        params={{ teacher_id: teacherId }}
        filenameBase={t('rotationReport.record.archiveExportName', { teacher: teacherName })}
      />
    </div>
  );
  if (query.error && !query.data) return <>{header}<LoadError error={query.error} onRetry={() => void query.refetch()} /></>;
  const empty = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('rotationReport.record.noArchive')} />;
  return (
    <>
      {header}
      {screens.md ? (
        <Table<ArchiveRow>
          size="small"
          rowKey="rotation_id"
          data-testid="archive-rows"
          loading={query.isFetching}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: empty }}
          columns={[
            { title: t('rotationReport.archive.type'), dataIndex: 'type' },
            { title: t('rotationReport.archive.personnelMoved'), dataIndex: 'personnel_moved' },
            { title: t('rotationReport.archive.startMonth'), dataIndex: 'start_month' },
            { title: t('rotationReport.archive.endMonth'), dataIndex: 'end_month' },
            { title: t('rotationReport.archive.originalUnit'), dataIndex: 'original_unit' },
            { title: t('rotationReport.archive.rotationUnit'), dataIndex: 'rotation_unit' },
          ]}
        />
      ) : (
        <List<ArchiveRow>
          data-testid="archive-rows"
          loading={query.isFetching}
          dataSource={rows}
          rowKey="rotation_id"
          locale={{ emptyText: empty }}
          renderItem={(r) => (
            <List.Item style={{ padding: '4px 0', borderBlockEnd: 'none' }}>
              <Descriptions size="small" bordered column={1} style={{ width: '100%' }}>
                <Descriptions.Item label={t('rotationReport.archive.type')}>{r.type}</Descriptions.Item>
                <Descriptions.Item label={t('rotationReport.archive.personnelMoved')}>{r.personnel_moved}</Descriptions.Item>
                <Descriptions.Item label={t('rotationReport.archive.startMonth')}>{r.start_month}</Descriptions.Item>
                <Descriptions.Item label={t('rotationReport.archive.endMonth')}>{r.end_month}</Descriptions.Item>
                <Descriptions.Item label={t('rotationReport.archive.originalUnit')}>{r.original_unit}</Descriptions.Item>
                <Descriptions.Item label={t('rotationReport.archive.rotationUnit')}>{r.rotation_unit}</Descriptions.Item>
              </Descriptions>
            </List.Item>
          )}
        />
      )}
    </>
  );
}

function RecordBody({ teacher }: { teacher: LedgerTeacher }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const query = useServiceRecord(teacher.teacher_id);
  if (query.error && !query.data) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <PageLoading />;
  const r = query.data;
  return (
    <div data-testid="service-record">
      <Descriptions size="small" bordered column={1} layout={screens.md ? 'horizontal' : 'vertical'} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('rotationReport.ledger.title')}>
          <EligibilityTag eligible={r.eligible_for_title} />
          <Typography.Text type="secondary" style={{ display: 'block' }}>
            {t('rotationReport.ledger.rule', { rural: r.required_rural_days, weak: r.required_weak_days })}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('rotationReport.ledger.rural')}>
          <DaysServed served={r.rural_service_days} required={r.required_rural_days} testId="record-rural" />
        </Descriptions.Item>
        <Descriptions.Item label={t('rotationReport.ledger.weak')}>
          <DaysServed served={r.weak_service_days} required={r.required_weak_days} testId="record-weak" />
        </Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5}>{t('rotationReport.record.completed', { n: r.completed_rotations.length })}</Typography.Title>
      <CompletedRotations rotations={r.completed_rotations} />
      <ArchiveRows teacherId={teacher.teacher_id} teacherName={teacher.teacher_name} />
    </div>
  );
}

/** The drawer the ledger opens on a teacher; full width on a phone. */
export function ServiceRecordDrawer({ teacher, onClose }: { teacher: LedgerTeacher | null; onClose: () => void }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  return (
    <Drawer
      open={teacher !== null}
      onClose={onClose}
      size={screens.md ? 720 : '100%'}
      destroyOnHidden
      title={teacher ? t('rotationReport.record.title', { teacher: teacher.teacher_name, school: teacher.school_name }) : ''}
      extra={
        teacher ? (
          <Link to={`/teachers/${teacher.teacher_id}`}>
            <Button type="link">{t('rotationReport.record.openTeacher')}</Button>
          </Link>
        ) : null
      }
      data-testid="service-record-drawer"
    >
      {teacher && <RecordBody teacher={teacher} />}
    </Drawer>
  );
}
