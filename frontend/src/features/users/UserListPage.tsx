import { Badge, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { User } from '../../api/types';
import { ROLES } from '../../api/types';
import { useAccess } from '../../app/auth';
import { DataList } from '../../components/DataList';
import { FilterBar, FilterSelect } from '../../components/FilterBar';
import { CreateLink, ListPageHeader, RowLink } from '../../components/ListPageHeader';
import { LoadError } from '../../components/Results';
import { useResourceList } from '../../components/useResourceList';
import { formatDateTime, orEmpty } from '../../lib/format';
import { SchoolFilter } from '../schools/SchoolSelect';
import { USER_FILTERS, userListParams, useUserList } from './queries';

export default function UserListPage() {
  const { t } = useTranslation();
  const access = useAccess();
  const navigate = useNavigate();
  const list = useResourceList(USER_FILTERS, userListParams);
  const query = useUserList(list.params);
  const canEdit = access.can('users.edit');
  const { sortable } = list;
  const createButton = canEdit ? <CreateLink to="/users/new" label={t('user.new')} testId="create-user" /> : null;

  if (query.error && !query.data) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;

  const status = (u: User) =>
    u.is_active ? <Badge status="success" text={t('user.active')} /> : <Badge status="default" text={t('user.inactive')} />;

  return (
    <>
      <ListPageHeader
        title={t('user.listTitle')}
        exportAs={{ resource: 'users', params: list.params, filenameBase: t('user.exportName') }}
        create={createButton}
      />
      <FilterBar list={list} searchPlaceholder={t('user.searchPlaceholder')}>
        <FilterSelect
          placeholder={t('user.role')}
          {...list.filter('role')}
          options={ROLES.map((r) => ({ value: r, label: t(`enum.role.${r}`) }))}
        />
        {access.fixedSchoolId === null && <SchoolFilter placeholder={t('user.school')} {...list.filter('school_id')} />}
        <FilterSelect
          placeholder={t('user.status')}
          {...list.filter('is_active')}
          options={[
            { value: 'true', label: t('user.active') },
            { value: 'false', label: t('user.inactive') },
          ]}
        />
      </FilterBar>
      <DataList<User>
        testId="user-list"
        rowKey="id"
        {...list.dataListProps(query)}
        emptyText={canEdit ? t('user.emptyEditor') : t('user.empty')}
        emptyAction={createButton}
        onOpen={(u) => void navigate(`/users/${u.id}`)}
        columns={[
          {
            title: t('user.username'),
            dataIndex: 'username',
            ...sortable('username'),
            render: (v: string, u) => (
              <RowLink to={`/users/${u.id}`}>{v}</RowLink>
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
