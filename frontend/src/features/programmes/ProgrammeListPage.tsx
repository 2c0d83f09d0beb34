import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Programme } from '../../api/types';
import { useAccess } from '../../app/auth';
import { DataList } from '../../components/DataList';
import { FilterBar } from '../../components/FilterBar';
import { CreateLink, ListPageHeader, RowLink } from '../../components/ListPageHeader';
import { LoadError } from '../../components/Results';
import { useResourceList } from '../../components/useResourceList';
import { formatDate, formatShare } from '../../lib/format';
import { PROGRAMME_FILTERS, programmeListParams, useProgrammeList } from './queries';

export default function ProgrammeListPage() {
  const { t } = useTranslation();
  const access = useAccess();
  const navigate = useNavigate();
  const list = useResourceList(PROGRAMME_FILTERS, programmeListParams);
  const query = useProgrammeList(list.params);
  const canEdit = access.can('programmes.edit');
  const { sortable } = list;
  const createButton = canEdit ? <CreateLink to="/programmes/new" label={t('programme.new')} testId="create-programme" /> : null;

  if (query.error && !query.data) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;

  return (
    <>
      <ListPageHeader
        title={t('programme.listTitle')}
        exportAs={{ resource: 'programmes', params: list.params, filenameBase: t('programme.exportName') }}
        create={createButton}
      />
      <FilterBar list={list} searchPlaceholder={t('programme.searchPlaceholder')} />
      <DataList<Programme>
        testId="programme-list"
        rowKey="id"
        {...list.dataListProps(query)}
        emptyText={canEdit ? t('programme.emptyEditor') : t('programme.empty')}
        emptyAction={createButton}
        onOpen={(p) => void navigate(`/programmes/${p.id}`)}
        columns={[
          {
            title: t('programme.name'),
            dataIndex: 'name',
            ...sortable('name'),
            render: (name: string, p) => (
              <RowLink to={`/programmes/${p.id}`}>{name}</RowLink>
            ),
          },
          { title: t('programme.startDate'), dataIndex: 'start_date', ...sortable('start_date'), render: (v: string) => formatDate(v) },
          { title: t('programme.endDate'), dataIndex: 'end_date', ...sortable('end_date'), render: (v: string) => formatDate(v) },
          {
            title: t('programme.meetings'),
            key: 'meetings',
            render: (_: unknown, p) => t(`programme.meetingsRule.${p.meeting_cadence}`, { count: p.min_meetings }),
          },
          { title: t('programme.minRotationShare'), dataIndex: 'min_rotation_share', align: 'right', render: (v: string) => formatShare(v) },
          { title: t('programme.minBackboneShare'), dataIndex: 'min_backbone_share', align: 'right', render: (v: string) => formatShare(v) },
        ]}
        renderCard={(p) => (
          <>
            <Typography.Text strong>{p.name}</Typography.Text>
            <div>
              <Typography.Text type="secondary">
                {formatDate(p.start_date)} ~ {formatDate(p.end_date)}
              </Typography.Text>
            </div>
            <Typography.Text type="secondary">
              {t(`programme.meetingsRule.${p.meeting_cadence}`, { count: p.min_meetings })}
            </Typography.Text>
          </>
        )}
      />
    </>
  );
}
