import { Badge, Button, Card, Descriptions, Grid } from 'antd';
import { EditOutlined, StopOutlined, CheckCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAccess, useAuth } from '../../app/auth';
import { BackButton } from '../../components/BackButton';
import { PageHeader } from '../../components/PageHeader';
import { LoadError, NotFoundResult, PageLoading } from '../../components/Results';
import { useIdParam } from '../../components/useIdParam';
import { ApiError } from '../../api/problem';
import { formatDateTime, orEmpty } from '../../lib/format';
import { useFeedback } from '../../app/feedback';
import { useOrganizations, useUpdateUser, useUser } from './queries';

export default function UserDetailPage() {
  const { t } = useTranslation();
  const id = useIdParam();
  const access = useAccess();
  const { me } = useAuth();
  const { modal, message } = useFeedback();
  const screens = Grid.useBreakpoint();
  const user = useUser(id);
  const orgs = useOrganizations(user.data?.organization_id !== null && user.data?.organization_id !== undefined);
  const update = useUpdateUser(id ?? 0);

  if (id === null) return <NotFoundResult />;
  if (user.error) return <LoadError error={user.error} onRetry={() => void user.refetch()} />;
  if (!user.data) return <PageLoading />;
  const u = user.data;
  const canEdit = access.can('users.edit');
  const isSelf = me?.id === u.id;

  const setActive = (active: boolean) => {
    modal.confirm({
      title: active ? t('user.activateTitle', { name: u.display_name }) : t('user.deactivateTitle', { name: u.display_name }),
      content: active ? t('user.activateConfirm') : t('user.deactivateConfirm'),
      okText: active ? t('user.activate') : t('user.deactivate'),
      okButtonProps: { danger: !active },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await update.mutateAsync({ version: u.version, body: { is_active: active } });
          message.success(active ? t('user.activated') : t('user.deactivated'));
        } catch (e) {
          if (e instanceof ApiError && e.status === 412) {
            message.error(t('errors.stale'));
            void user.refetch();
          } else {
            message.error(e instanceof ApiError && e.problem.detail ? e.problem.detail : t('errors.saveFailed'));
          }
        }
      },
    });
  };

  const orgName = orgs.data?.find((o) => o.id === u.organization_id)?.name;

  return (
    <>
      <PageHeader
        back={<BackButton to="/users" />}
        title={u.display_name}
        extra={
          canEdit && (
            <>
              {!isSelf &&
                (u.is_active ? (
                  <Button danger icon={<StopOutlined />} onClick={() => setActive(false)} data-testid="deactivate">
                    {t('user.deactivate')}
                  </Button>
                ) : (
                  <Button icon={<CheckCircleOutlined />} onClick={() => setActive(true)} data-testid="activate">
                    {t('user.activate')}
                  </Button>
                ))}
              <Link to={`/users/${u.id}/edit`}>
                <Button type="primary" icon={<EditOutlined />} data-testid="edit">
                  {t('common.edit')}
                </Button>
              </Link>
            </>
          )
        }
      />
      <Card>
        <Descriptions column={screens.md ? 2 : 1} bordered size="small" data-testid="user-detail">
          <Descriptions.Item label={t('user.username')}>{u.username}</Descriptions.Item>
          <Descriptions.Item label={t('user.displayName')}>{u.display_name}</Descriptions.Item>
          <Descriptions.Item label={t('user.role')}>{t(`enum.role.${u.role}`)}</Descriptions.Item>
          <Descriptions.Item label={t('user.status')}>
            {u.is_active ? <Badge status="success" text={t('user.active')} /> : <Badge status="default" text={t('user.inactive')} />}
          </Descriptions.Item>
          {u.organization_id !== null && u.organization_id !== undefined && (
            <Descriptions.Item label={t('user.organization')}>{orEmpty(orgName)}</Descriptions.Item>
          )}
          {u.school_id !== null && u.school_id !== undefined && (
            <Descriptions.Item label={t('user.school')}>
              <Link to={`/schools/${u.school_id}`}>{orEmpty(u.school_name)}</Link>
            </Descriptions.Item>
          )}
          {u.teacher_id !== null && u.teacher_id !== undefined && (
            <Descriptions.Item label={t('user.teacher')}>
              {access.can('teachers.view') ? <Link to={`/teachers/${u.teacher_id}`}>{t('user.teacherRecord')}</Link> : t('user.teacherRecord')}
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('user.phone')}>{orEmpty(u.phone)}</Descriptions.Item>
          <Descriptions.Item label={t('user.email')}>{orEmpty(u.email)}</Descriptions.Item>
          <Descriptions.Item label={t('user.locale')}>
            {u.locale === 'en' ? 'English' : u.locale ? '中文' : orEmpty(null)}
          </Descriptions.Item>
          <Descriptions.Item label={t('user.lastLoginAt')}>
            {u.last_login_at ? formatDateTime(u.last_login_at) : t('user.never')}
          </Descriptions.Item>
          <Descriptions.Item label={t('common.version')}>{u.version}</Descriptions.Item>
        </Descriptions>
      </Card>
    </>
  );
}
