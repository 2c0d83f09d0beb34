import { Button, Card, Descriptions, Grid, Space, Tag, Typography } from 'antd';
import { EditOutlined, SolutionOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CRITERIA } from '../../api/types';
import { useAccess } from '../../app/auth';
import { BackButton } from '../../components/BackButton';
import { PageHeader } from '../../components/PageHeader';
import { LoadError, NotFoundResult, PageLoading } from '../../components/Results';
import { useIdParam } from '../../components/useIdParam';
import { formatDate, formatDateTime, formatShare, orEmpty } from '../../lib/format';
import { useProgramme } from './queries';

export default function ProgrammeDetailPage() {
  const { t } = useTranslation();
  const id = useIdParam();
  const access = useAccess();
  const screens = Grid.useBreakpoint();
  const programme = useProgramme(id);

  if (id === null) return <NotFoundResult />;
  if (programme.error) return <LoadError error={programme.error} onRetry={() => void programme.refetch()} />;
  if (!programme.data) return <PageLoading />;
  const p = programme.data;

  return (
    <>
      <PageHeader
        back={<BackButton to="/programmes" />}
        title={p.name}
        extra={
          <>
            {access.can('agreements.view') && (
              <Link to={`/agreements?programme_id=${p.id}`}>
                <Button icon={<SolutionOutlined />} data-testid="programme-agreements">
                  {t('programme.viewAgreements')}
                </Button>
              </Link>
            )}
            {access.can('programmes.edit') && (
              <Link to={`/programmes/${p.id}/edit`}>
                <Button type="primary" icon={<EditOutlined />} data-testid="edit">
                  {t('common.edit')}
                </Button>
              </Link>
            )}
          </>
        }
      />
      <Card>
        <Descriptions column={screens.md ? 2 : 1} layout={screens.md ? 'horizontal' : 'vertical'} bordered size="small" data-testid="programme-detail">
          <Descriptions.Item label={t('programme.name')}>{p.name}</Descriptions.Item>
          <Descriptions.Item label={t('programme.period')}>
            {formatDate(p.start_date)} ~ {formatDate(p.end_date)}
          </Descriptions.Item>
          <Descriptions.Item label={t('programme.description')} span={screens.md ? 2 : 1}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{orEmpty(p.description)}</Typography.Paragraph>
          </Descriptions.Item>
          <Descriptions.Item label={t('programme.meetings')}>
            {t(`programme.meetingsRule.${p.meeting_cadence}`, { count: p.min_meetings })}
          </Descriptions.Item>
          <Descriptions.Item label={t('programme.rotationEligibilityYears')}>
            {t('programme.years', { count: p.rotation_eligibility_years })}
          </Descriptions.Item>
          <Descriptions.Item label={t('programme.minRotationShare')}>{formatShare(p.min_rotation_share)}</Descriptions.Item>
          <Descriptions.Item label={t('programme.minBackboneShare')}>
            {t(`programme.backboneOf.${p.backbone_share_base}`, { share: formatShare(p.min_backbone_share) })}
          </Descriptions.Item>
          <Descriptions.Item label={t('programme.requiredRuralServiceDays')}>
            {t('programme.days', { count: p.required_rural_service_days })}
          </Descriptions.Item>
          <Descriptions.Item label={t('programme.requiredWeakServiceDays')}>
            {t('programme.days', { count: p.required_weak_service_days })}
          </Descriptions.Item>
          <Descriptions.Item label={t('rotation.weights.title')} span={screens.md ? 2 : 1}>
            <Space size={[4, 4]} wrap data-testid="programme-weights">
              {CRITERIA.map((c) => (
                <Tag key={c} data-criterion={c}>
                  {t(`enum.evaluationCriterion.${c}`)} {p.evaluation_weights[c]}
                </Tag>
              ))}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('common.updatedAt')}>{formatDateTime(p.updated_at)}</Descriptions.Item>
          <Descriptions.Item label={t('common.version')}>{p.version}</Descriptions.Item>
        </Descriptions>
      </Card>
    </>
  );
}
