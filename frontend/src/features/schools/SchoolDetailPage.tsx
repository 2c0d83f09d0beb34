import { Button, Card, Descriptions, Grid, Space, Tag } from 'antd';
import { EditOutlined, TeamOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAccess } from '../../app/auth';
import { BackButton } from '../../components/BackButton';
import { PageHeader } from '../../components/PageHeader';
import { LoadError, NotFoundResult, PageLoading } from '../../components/Results';
import { useIdParam } from '../../components/useIdParam';
import { formatDateTime, orEmpty } from '../../lib/format';
import { useSchool } from './queries';

export default function SchoolDetailPage() {
  const { t } = useTranslation();
  const id = useIdParam();
  const access = useAccess();
  const screens = Grid.useBreakpoint();
  const school = useSchool(id);

  if (id === null) return <NotFoundResult />;
  if (school.error) return <LoadError error={school.error} onRetry={() => void school.refetch()} />;
  if (!school.data) return <PageLoading />;
  const s = school.data;
  const canSeeTeachers =
    access.can('teachers.view') && (access.fixedSchoolId === null || access.fixedSchoolId === s.id);

  return (
    <>
      <PageHeader
        back={<BackButton to="/schools" />}
        title={
          <Space size={8}>
            {s.name}
            {s.is_weak && <Tag color="orange">{t('school.weakTag')}</Tag>}
          </Space>
        }
        extra={
          <>
            {canSeeTeachers && (
              <Link to={`/teachers?school_id=${s.id}`}>
                <Button icon={<TeamOutlined />} data-testid="school-teachers">
                  {t('school.viewTeachers')}
                </Button>
              </Link>
            )}
            {access.can('schools.edit') && (
              <Link to={`/schools/${s.id}/edit`}>
                <Button type="primary" icon={<EditOutlined />} data-testid="edit">
                  {t('common.edit')}
                </Button>
              </Link>
            )}
          </>
        }
      />
      <Card>
        <Descriptions column={screens.md ? 2 : 1} bordered size="small" data-testid="school-detail">
          <Descriptions.Item label={t('school.code')}>{s.code}</Descriptions.Item>
          <Descriptions.Item label={t('school.name')}>{s.name}</Descriptions.Item>
          <Descriptions.Item label={t('school.stage')}>{t(`enum.stage.${s.stage}`)}</Descriptions.Item>
          <Descriptions.Item label={t('school.locale')}>{t(`enum.locale.${s.locale}`)}</Descriptions.Item>
          <Descriptions.Item label={t('school.region')}>{orEmpty(s.region_name)}</Descriptions.Item>
          <Descriptions.Item label={t('school.address')}>{orEmpty(s.address)}</Descriptions.Item>
          <Descriptions.Item label={t('school.studentCount')}>{s.student_count}</Descriptions.Item>
          <Descriptions.Item label={t('school.teacherCount')}>{s.teacher_count}</Descriptions.Item>
          <Descriptions.Item label={t('school.isWeak')}>{s.is_weak ? t('common.yes') : t('common.no')}</Descriptions.Item>
          <Descriptions.Item label={t('school.coordinates')}>
            {s.latitude !== null && s.longitude !== null ? `${s.latitude}, ${s.longitude}` : orEmpty(null)}
          </Descriptions.Item>
          <Descriptions.Item label={t('common.updatedAt')}>{formatDateTime(s.updated_at)}</Descriptions.Item>
          <Descriptions.Item label={t('common.version')}>{s.version}</Descriptions.Item>
        </Descriptions>
      </Card>
    </>
  );
}
