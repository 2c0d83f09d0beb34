import { Button, Card, Descriptions, Grid } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAccess } from '../../app/auth';
import { BackButton } from '../../components/BackButton';
import { PageHeader } from '../../components/PageHeader';
import { LoadError, NotFoundResult, PageLoading } from '../../components/Results';
import { useIdParam } from '../../components/useIdParam';
import { formatDate, formatDateTime, orEmpty } from '../../lib/format';
import { SubjectTags } from './SubjectTags';
import { useTeacher } from './queries';

export default function TeacherDetailPage() {
  const { t } = useTranslation();
  const id = useIdParam();
  const access = useAccess();
  const screens = Grid.useBreakpoint();
  const teacher = useTeacher(id);

  if (id === null) return <NotFoundResult />;
  if (teacher.error) return <LoadError error={teacher.error} onRetry={() => void teacher.refetch()} />;
  if (!teacher.data) return <PageLoading />;
  const x = teacher.data;
  const canEdit =
    access.can('teachers.edit') && (access.fixedSchoolId === null || access.fixedSchoolId === x.school_id);

  return (
    <>
      <PageHeader
        back={<BackButton to="/teachers" />}
        title={x.name}
        extra={
          canEdit && (
            <Link to={`/teachers/${x.id}/edit`}>
              <Button type="primary" icon={<EditOutlined />} data-testid="edit">
                {t('common.edit')}
              </Button>
            </Link>
          )
        }
      />
      <Card>
        <Descriptions column={screens.md ? 2 : 1} bordered size="small" data-testid="teacher-detail">
          <Descriptions.Item label={t('teacher.name')}>{x.name}</Descriptions.Item>
          <Descriptions.Item label={t('teacher.gender')}>{t(`enum.gender.${x.gender}`)}</Descriptions.Item>
          <Descriptions.Item label={t('teacher.school')}>
            {access.can('schools.view') ? <Link to={`/schools/${x.school_id}`}>{x.school_name}</Link> : x.school_name}
          </Descriptions.Item>
          <Descriptions.Item label={t('teacher.subjects')}>
            {x.subjects.length ? (
              <SubjectTags subjects={x.subjects} />
            ) : (
              orEmpty(null)
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('teacher.titleRank')}>{t(`enum.titleRank.${x.title_rank}`)}</Descriptions.Item>
          <Descriptions.Item label={t('teacher.backboneLevel')}>{t(`enum.backbone.${x.backbone_level}`)}</Descriptions.Item>
          <Descriptions.Item label={t('teacher.hireDate')}>{formatDate(x.hire_date)}</Descriptions.Item>
          <Descriptions.Item label={t('teacher.birthDate')}>{formatDate(x.birth_date)}</Descriptions.Item>
          <Descriptions.Item label={t('teacher.phone')}>{orEmpty(x.phone)}</Descriptions.Item>
          <Descriptions.Item label={t('teacher.account')}>
            {x.user_id === null ? (
              t('teacher.noAccount')
            ) : access.can('users.view') ? (
              <Link to={`/users/${x.user_id}`}>{t('teacher.hasAccount')}</Link>
            ) : (
              t('teacher.hasAccount')
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('common.updatedAt')}>{formatDateTime(x.updated_at)}</Descriptions.Item>
          <Descriptions.Item label={t('common.version')}>{x.version}</Descriptions.Item>
        </Descriptions>
      </Card>
    </>
  );
}
