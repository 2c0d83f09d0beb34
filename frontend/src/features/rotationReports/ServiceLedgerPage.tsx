// 服务年限台账: every teacher in scope with the rural and weak-school days served, the days still
// missing and whether the title rule is met. "Only those short of the rule" is one switch — the list a
// county hands in before title applications — and Excel exports exactly what is shown.
import { useState } from 'react';
import { Alert, Space, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ServiceLedgerRow } from '../../api/types';
import { useAccess } from '../../app/auth';
import { DataList } from '../../components/DataList';
import { ExportButton } from '../../components/ExportButton';
import { FilterBar } from '../../components/FilterBar';
import { PageHeader } from '../../components/PageHeader';
import { LoadError } from '../../components/Results';
import { useResourceList } from '../../components/useResourceList';
import { EMPTY } from '../../lib/format';
import { SchoolFilter } from '../schools/SchoolSelect';
import { LEDGER_FILTERS, ledgerParams, useServiceLedger } from './queries';
import { DaysServed, EligibilityTag, ServiceRecordDrawer, type LedgerTeacher } from './ServiceRecordDrawer';

function Missing({ days, eligible }: { days: number; eligible: boolean }) {
  const { t } = useTranslation();
  if (eligible || days === 0) return <Typography.Text type="secondary">{EMPTY}</Typography.Text>;
  return <Typography.Text type="danger">{t('rotationReport.ledger.days', { count: days })}</Typography.Text>;
}

export default function ServiceLedgerPage() {
  const { t } = useTranslation();
  const access = useAccess();
  const list = useResourceList(LEDGER_FILTERS, ledgerParams);
  const { state, sortable, params, setFilter } = list;
  const query = useServiceLedger(params);
  const [open, setOpen] = useState<LedgerTeacher | null>(null);
  const shortOnly = params.eligible === false;
  const first = query.data?.items[0];
  const onlyShortFilter = state.q === '' && Object.keys(state.filters).length === 1;

  if (query.error && !query.data) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;

  return (
    <>
      <PageHeader
        title={t('rotationReport.ledger.pageTitle')}
        extra={<ExportButton resource="reports/service-records" params={params} filenameBase={t(shortOnly ? 'rotationReport.ledger.exportNameShort' : 'rotationReport.ledger.exportName')} />}
      />
      <Alert
        type={shortOnly ? 'warning' : 'info'}
        showIcon
        style={{ marginBottom: 12 }}
        data-testid="ledger-short-toggle"
        title={
          <Space wrap size={8}>
            <Switch
              checked={shortOnly}
              onChange={(on) => setFilter('eligible', on ? 'false' : undefined)}
              aria-label={t('rotationReport.ledger.shortOnly')}
              data-testid="ledger-short-only"
            />
            <Typography.Text strong>{t('rotationReport.ledger.shortOnly')}</Typography.Text>
            {query.data && shortOnly && (
              <Typography.Text type="danger" data-testid="ledger-short-count">
                {t('rotationReport.ledger.shortCount', { count: query.data.total })}
              </Typography.Text>
            )}
          </Space>
        }
        description={t('rotationReport.ledger.rule', {
          rural: first?.required_rural_days ?? 365,
          weak: first?.required_weak_days ?? 1095,
        })}
      />
      <FilterBar list={list} searchPlaceholder={t('rotationReport.searchTeacher')}>
        {access.fixedSchoolId === null && <SchoolFilter placeholder={t('rotationReport.school')} {...list.filter('school_id')} />}
      </FilterBar>
      <DataList<ServiceLedgerRow>
        testId="ledger-list"
        rowKey="teacher_id"
        {...list.dataListProps(query)}
        // "only those short of the rule" alone finding nobody is good news, not a search that failed
        hasFilters={list.hasFilters && !(shortOnly && onlyShortFilter)}
        emptyText={shortOnly ? t('rotationReport.ledger.emptyShort') : t('rotationReport.ledger.empty')}
        onOpen={(x) => setOpen(x)}
        columns={[
          {
            title: t('rotationReport.teacher'),
            dataIndex: 'teacher_name',
            ...sortable('teacher_name'),
            render: (v: string) => <Typography.Link>{v}</Typography.Link>,
          },
          { title: t('rotationReport.school'), dataIndex: 'school_name', ...sortable('school_name') },
          { title: t('rotationReport.titleRank'), dataIndex: 'title_rank', render: (v: ServiceLedgerRow['title_rank']) => t(`enum.titleRank.${v}`) },
          { title: t('rotationReport.ledger.completedRotations'), dataIndex: 'completed_rotations', align: 'right' },
          {
            title: t('rotationReport.ledger.rural'),
            dataIndex: 'rural_service_days',
            ...sortable('rural_service_days'),
            render: (_: unknown, x) => <DaysServed served={x.rural_service_days} required={x.required_rural_days} testId="ledger-rural" />,
          },
          {
            title: t('rotationReport.ledger.weak'),
            dataIndex: 'weak_service_days',
            ...sortable('weak_service_days'),
            render: (_: unknown, x) => <DaysServed served={x.weak_service_days} required={x.required_weak_days} testId="ledger-weak" />,
          },
          {
            title: t('rotationReport.ledger.missingRural'),
            dataIndex: 'missing_rural_days',
            align: 'right',
            ...sortable('missing_rural_days'),
            render: (v: number, x) => <Missing days={v} eligible={x.eligible_for_title} />,
          },
          {
            title: t('rotationReport.ledger.missingWeak'),
            dataIndex: 'missing_weak_days',
            align: 'right',
            ...sortable('missing_weak_days'),
            render: (v: number, x) => <Missing days={v} eligible={x.eligible_for_title} />,
          },
          {
            title: t('rotationReport.ledger.title'),
            dataIndex: 'eligible_for_title',
            render: (v: boolean) => <EligibilityTag eligible={v} />,
          },
        ]}
        renderCard={(x) => (
          <>
            <Space size={4} wrap>
              <Typography.Text strong>{x.teacher_name}</Typography.Text>
              <EligibilityTag eligible={x.eligible_for_title} />
            </Space>
            <div>
              <Typography.Text type="secondary">
                {x.school_name} · {t(`enum.titleRank.${x.title_rank}`)}
              </Typography.Text>
            </div>
            <div>
              {t('rotationReport.ledger.ruralShort')}{' '}
              {t('rotationReport.ledger.daysOf', { served: x.rural_service_days, required: x.required_rural_days })}
              {' · '}
              {t('rotationReport.ledger.weakShort')} {t('rotationReport.ledger.daysOf', { served: x.weak_service_days, required: x.required_weak_days })}
            </div>
            {!x.eligible_for_title && (
              <Typography.Text type="danger">
                {t('rotationReport.ledger.missingBoth', { rural: x.missing_rural_days, weak: x.missing_weak_days })}
              </Typography.Text>
            )}
          </>
        )}
      />
      <ServiceRecordDrawer teacher={open} onClose={() => setOpen(null)} />
    </>
  );
}
