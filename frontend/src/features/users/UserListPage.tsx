import { Badge, Button, Input, Select, Space, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { User } from '../../api/types';
import { ROLES } from '../../api/types';
import { useAccess } from '../../app/auth';
import { DataList } from '../../components/DataList';
import { ExportButton } from '../../components/ExportButton';
import { PageHeader } from '../../components/PageHeader';
import { LoadError } from '../../components/Results';
import { useListState } from '../../components/useListState';
import { formatDateTime, orEmpty } from '../../lib/format';
import { columnSortOrder, intOrUndefined } from '../../lib/listState';
import { useSchool } from '../schools/queries';
import { SchoolSelect } from '../schools/SchoolSelect';
import { USER_FILTERS, userListParams, useUserList } from './queries';

export default function UserListPage() {
  const { t } = useTranslation();
  const access = useAccess();
  const navigate = useNavigate();
  const { state, update, setFilter, hasFilters, clear } = useListState(USER_FILTERS);
  const params = userListParams(state);
  const list = useUserList(params);
  const schoolId = intOrUndefined(state.filters.school_id) ?? null;
  const school = useSchool(access.fixedSchoolId === null ? schoolId : null);
  const canEdit = access.can('users.edit');

  const sortable = (field: string) => ({ key: field, sorter: true, sortOrder: columnSortOrder(state.sort, field) });
  const createButton = canEdit ? (
    <Link to="/users/new">
      <Button type="primary" icon={<PlusOutlined />} data-testid="create-user">
        {t('user.new')}
      </Button>
    </Link>
  ) : null;

  if (list.error && !list.data) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;

  const status = (u: User) =>
    u.is_active ? <Badge status="success" text={t('user.active')} /> : <Badge status="default" text={t('user.inactive')} />;

  return (
    <>
      <PageHeader
        title={t('user.listTitle')}
        extra={
          <>
            <ExportButton resource="users" params={params} filenameBase={t('user.exportName')} />
            {createButton}
          </>
        }
      />
      <div className="filter-bar">
        <Input.Search
          allowClear
          defaultValue={state.q}
          key={`q-${state.q}`}
          placeholder={t('user.searchPlaceholder')}
          onSearch={(q) => update({ q: q.trim() })}
          aria-label={t('common.search')}
          data-testid="list-search"
        />
        <Select
          allowClear
          placeholder={t('user.role')}
          value={state.filters.role}
          onChange={(v?: string) => setFilter('role', v)}
          options={ROLES.map((r) => ({ value: r, label: t(`enum.role.${r}`) }))}
        />
        {access.fixedSchoolId === null && (
          <SchoolSelect
            allowClear
            value={schoolId ?? undefined}
            current={school.data ?? null}
            placeholder={t('user.school')}
            onChange={(v) => setFilter('school_id', v === undefined ? undefined : String(v))}
          />
        )}
        <Select
          allowClear
          placeholder={t('user.status')}
          value={state.filters.is_active}
          onChange={(v?: string) => setFilter('is_active', v)}
          options={[
            { value: 'true', label: t('user.active') },
            { value: 'false', label: t('user.inactive') },
          ]}
        />
      </div>
      <DataList<User>
        testId="user-list"
        rowKey="id"
        items={list.data?.items ?? []}
        total={list.data?.total ?? 0}
        loading={list.isFetching}
        state={state}
        onChange={update}
        hasFilters={hasFilters}
        onClearFilters={clear}
        emptyText={canEdit ? t('user.emptyEditor') : t('user.empty')}
        emptyAction={createButton}
        onOpen={(u) => void navigate(`/users/${u.id}`)}
        columns={[
          {
            title: t('user.username'),
            dataIndex: 'username',
            ...sortable('username'),
            render: (v: string, u) => (
              <Link to={`/users/${u.id}`} onClick={(e) => e.stopPropagation()}>
                {v}
              </Link>
            ),
          },
          { title: t('user.displayName'), dataIndex: 'display_name', ...sortable('display_name') },
          { title: t('user.role'), dataIndex: 'role', render: (v: User['role']) => <Tag>{t(`enum.role.${v}`)}</Tag> },
          { title: t('user.school'), dataIndex: 'school_name', render: (v: string | null | undefined) => orEmpty(v) },
          { title: t('user.status'), dataIndex: 'is_active', render: (_v: boolean, u) => status(u) },
          {
            title: t('user.lastLoginAt'),
            dataIndex: 'last_login_at',
            render: (v: string | null | undefined) => (v ? formatDateTime(v) : t('user.never')),
          },
        ]}
        renderCard={(u) => (
          <>
            <Space size={4} wrap>
              <Typography.Text strong>{u.display_name}</Typography.Text>
              <Typography.Text type="secondary">@{u.username}</Typography.Text>
            </Space>
            <div>
              <Typography.Text type="secondary">
                {t(`enum.role.${u.role}`)}
                {u.school_name ? ` · ${u.school_name}` : ''}
              </Typography.Text>
            </div>
            {status(u)}
          </>
        )}
      />
    </>
  );
}
