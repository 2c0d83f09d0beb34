// /rotations/:id: the rotation's overview with the steps the server allows now, and its day-to-day
// records in tabs (attendance, check-ins, leave, work log, evaluation). What a caller may change comes
// from allowed_actions; the home school and the bureau viewer read.
import { lazy, Suspense } from 'react';
import { Card, Descriptions, Grid, Skeleton, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Rotation } from '../../api/types';
import { useAccess } from '../../app/auth';
import { BackButton } from '../../components/BackButton';
import { PageHeader } from '../../components/PageHeader';
import { LoadError, NotFoundResult, PageLoading } from '../../components/Results';
import { UrlTabs, type UrlTab } from '../../components/UrlTabs';
import { useIdParam } from '../../components/useIdParam';
import { formatDate, formatDateTime, formatYuan } from '../../lib/format';
import { useAgreement } from '../agreements/queries';
import { SubjectTags } from '../teachers/SubjectTags';
import { useRotation } from './queries';
import { RotationActions } from './RotationActions';
import { RotationStatusTag, WaitingFor } from './RotationTags';

// each tab's code loads when the tab is first opened (the log's photo viewer, the evaluation form…)
const AttendanceTab = lazy(() => import('./AttendanceTab').then((m) => ({ default: m.AttendanceTab })));
const CheckinsTab = lazy(() => import('./CheckinsTab').then((m) => ({ default: m.CheckinsTab })));
const LeavesTab = lazy(() => import('./LeavesTab').then((m) => ({ default: m.LeavesTab })));
const WorkLogTab = lazy(() => import('./WorkLogTab').then((m) => ({ default: m.WorkLogTab })));
const EvaluationTab = lazy(() => import('./EvaluationTab').then((m) => ({ default: m.EvaluationTab })));

function Overview({ rotation: r }: { rotation: Rotation }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const access = useAccess();
  const agreement = useAgreement(r.agreement_id ?? null);
  const school = (id: number, name: string) => (access.can('schools.view') ? <Link to={`/schools/${id}`}>{name}</Link> : name);
  return (
    <Descriptions
      column={screens.md ? 2 : 1}
      layout={screens.md ? 'horizontal' : 'vertical'}
      bordered
      size="small"
      data-testid="rotation-overview"
    >
      <Descriptions.Item label={t('rotation.teacher')}>
        {access.can('teachers.view') ? <Link to={`/teachers/${r.teacher_id}`}>{r.teacher_name}</Link> : r.teacher_name}
      </Descriptions.Item>
      <Descriptions.Item label={t('rotation.status')}>
        <Space size={8} wrap>
          <RotationStatusTag status={r.status} />
          <WaitingFor nextActor={r.next_actor} />
        </Space>
      </Descriptions.Item>
      <Descriptions.Item label={t('rotation.fromSchool')}>
        <span data-testid="from-school">{school(r.from_school_id, r.from_school_name)}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('rotation.toSchool')}>
        <span data-testid="to-school">{school(r.to_school_id, r.to_school_name)}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('rotation.direction')}>{t(`enum.rotationDirection.${r.direction}`)}</Descriptions.Item>
      <Descriptions.Item label={t('rotation.kind')}>{t(`enum.rotationKind.${r.kind}`)}</Descriptions.Item>
      <Descriptions.Item label={t('rotation.period')}>
        <span data-testid="rotation-period">
          {formatDate(r.start_date)} ~ {formatDate(r.end_date)}
        </span>
      </Descriptions.Item>
      <Descriptions.Item label={t('rotation.agreement')}>
        {r.agreement_id ? (
          <Link to={`/agreements/${r.agreement_id}`} data-testid="rotation-agreement">
            {agreement.data?.title ?? `#${r.agreement_id}`}
          </Link>
        ) : (
          t('rotation.noAgreement')
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('rotation.subjects')}>
        <SubjectTags subjects={r.subjects} />
      </Descriptions.Item>
      <Descriptions.Item label={t('rotation.weeklyPeriods')}>{r.weekly_periods}</Descriptions.Item>
      <Descriptions.Item label={t('rotation.personnelMoved')}>
        <Space orientation="vertical" size={0}>
          {r.personnel_moved ? t('common.yes') : t('common.no')}
          {!r.personnel_moved && r.direction === 'dispatch' && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('rotation.personnelMovedHelp')}
            </Typography.Text>
          )}
        </Space>
      </Descriptions.Item>
      <Descriptions.Item label={t('rotation.livingAllowance')}>{formatYuan(r.living_allowance_yuan)}</Descriptions.Item>
      <Descriptions.Item label={t('rotation.transportAllowance')}>{formatYuan(r.transport_allowance_yuan)}</Descriptions.Item>
      <Descriptions.Item label={t('rotation.createdAt')}>{formatDateTime(r.created_at)}</Descriptions.Item>
      {r.status === 'withdrawn' && r.withdraw_reason && (
        <Descriptions.Item label={t('rotation.withdrawReason')} span={screens.md ? 2 : 1}>
          <Typography.Text style={{ whiteSpace: 'pre-wrap' }} data-testid="withdraw-reason">
            {r.withdraw_reason}
          </Typography.Text>
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

export default function RotationDetailPage() {
  const { t } = useTranslation();
  const id = useIdParam();
  const rotation = useRotation(id);

  if (id === null) return <NotFoundResult />;
  if (rotation.error) return <LoadError error={rotation.error} onRetry={() => void rotation.refetch()} />;
  if (!rotation.data) return <PageLoading />;
  const r = rotation.data;

  const items: UrlTab[] = [
    { key: 'overview', label: t('rotation.tab.overview'), children: <Overview rotation={r} /> },
    { key: 'attendance', label: t('rotation.tab.attendance'), children: <AttendanceTab rotation={r} /> },
    { key: 'checkins', label: t('rotation.tab.checkins'), children: <CheckinsTab rotation={r} /> },
    { key: 'leaves', label: t('rotation.tab.leaves'), children: <LeavesTab rotation={r} /> },
    { key: 'logs', label: t('rotation.tab.logs'), children: <WorkLogTab rotation={r} /> },
    { key: 'evaluation', label: t('rotation.tab.evaluation'), children: <EvaluationTab rotation={r} /> },
  ];

  return (
    <>
      <PageHeader
        back={<BackButton to="/rotations" />}
        title={
          <Space size={8}>
            <span data-testid="rotation-title">{t('rotation.route', { from: r.teacher_name, to: r.to_school_name })}</span>
            <RotationStatusTag status={r.status} />
          </Space>
        }
        extra={<RotationActions rotation={r} />}
      />
      <Card styles={{ body: { paddingTop: 0 } }}>
        <UrlTabs items={items.map((x) => ({ ...x, children: <Suspense fallback={<Skeleton active />}>{x.children}</Suspense> }))} />
      </Card>
    </>
  );
}
