import { Button, Card, Descriptions, Grid, Space, Tag, Typography } from 'antd';
import { EditOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Agreement } from '../../api/types';
import { failureMessage } from '../../api/problem';
import { useAccess } from '../../app/auth';
import { BackButton } from '../../components/BackButton';
import { PageHeader } from '../../components/PageHeader';
import { LoadError, NotFoundResult, PageLoading } from '../../components/Results';
import { UrlTabs } from '../../components/UrlTabs';
import { useIdParam } from '../../components/useIdParam';
import { formatDate, formatDateTime, orEmpty } from '../../lib/format';
import { MeetingsTab } from '../meetings/MeetingsTab';
import { useTeacher } from '../teachers/queries';
import { useFeedback } from '../../app/feedback';
import { ActivitiesTab } from './ActivitiesTab';
import { AmendmentsTab } from './AmendmentsTab';
import { AttachmentsTab } from './AttachmentsTab';
import { DonationsTab } from './DonationsTab';
import { GoalsTab } from './GoalsTab';
import { useAgreement, useAgreementTransition, useRenewAgreement } from './queries';
import { StatusTag } from './StatusTag';
import { TimelineTab } from './TimelineTab';
import { TransitionButtons } from './TransitionButtons';

function WaitingFor({ agreement }: { agreement: Agreement }) {
  const { t } = useTranslation();
  if (!agreement.next_actor) return null;
  return (
    <Typography.Text type="secondary" data-testid="waiting-for">
      {t(`agreement.waitingFor.${agreement.next_actor}`)}
    </Typography.Text>
  );
}

function Overview({ agreement: a }: { agreement: Agreement }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const access = useAccess();
  const assistant = useTeacher(a.assistant_principal_teacher_id ?? null);
  const schoolLink = (id: number, name: string) => (access.can('schools.view') ? <Link to={`/schools/${id}`}>{name}</Link> : name);
  return (
    <Descriptions column={screens.md ? 2 : 1} layout={screens.md ? 'horizontal' : 'vertical'} bordered size="small" data-testid="agreement-overview">
      <Descriptions.Item label={t('agreement.status')}>
        <Space size={8} wrap>
          <StatusTag status={a.status} />
          <WaitingFor agreement={a} />
        </Space>
      </Descriptions.Item>
      <Descriptions.Item label={t('agreement.programme')}>
        <Link to={`/programmes/${a.programme_id}`}>{a.programme_name}</Link>
      </Descriptions.Item>
      <Descriptions.Item label={t('agreement.supportingSchool')}>
        <span data-testid="supporting-school">{schoolLink(a.supporting_school_id, a.supporting_school_name)}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('agreement.receivingSchool')}>
        <span data-testid="receiving-school">{schoolLink(a.receiving_school_id, a.receiving_school_name)}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('agreement.period')}>
        {formatDate(a.start_date)} ~ {formatDate(a.end_date)}
      </Descriptions.Item>
      <Descriptions.Item label={t('agreement.round')}>
        <Space size={8} wrap>
          {t('agreement.roundN', { n: a.round })}
          {a.previous_agreement_id !== null && a.previous_agreement_id !== undefined && (
            <Link to={`/agreements/${a.previous_agreement_id}`}>{t('agreement.previousRound')}</Link>
          )}
        </Space>
      </Descriptions.Item>
      <Descriptions.Item label={t('agreement.areas')}>
        <Space size={[0, 4]} wrap>
          {a.areas.map((x) => (
            <Tag key={x}>{t(`enum.agreementArea.${x}`)}</Tag>
          ))}
        </Space>
      </Descriptions.Item>
      <Descriptions.Item label={t('agreement.forms')}>
        {a.forms.length === 0 ? (
          orEmpty(null)
        ) : (
          <Space size={[0, 4]} wrap>
            {a.forms.map((x) => (
              <Tag key={x} color="blue">
                {t(`enum.assistanceForm.${x}`)}
              </Tag>
            ))}
          </Space>
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('agreement.assistantPrincipal')}>
        {a.assistant_principal_teacher_id ? (
          assistant.data ? (
            <Link to={`/teachers/${assistant.data.id}`}>{assistant.data.name}</Link>
          ) : (
            `#${a.assistant_principal_teacher_id}`
          )
        ) : (
          orEmpty(null)
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('common.updatedAt')}>{formatDateTime(a.updated_at)}</Descriptions.Item>
      <Descriptions.Item label={t('agreement.commitments')} span={screens.md ? 2 : 1}>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{orEmpty(a.commitments)}</Typography.Paragraph>
      </Descriptions.Item>
    </Descriptions>
  );
}

function RenewButton({ agreement }: { agreement: Agreement }) {
  const { t } = useTranslation();
  const { modal, message } = useFeedback();
  const navigate = useNavigate();
  const renew = useRenewAgreement(agreement.id);
  const onClick = () =>
    modal.confirm({
      title: t('agreement.renewTitle'),
      content: t('agreement.renewHelp'),
      okText: t('agreement.renew'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          const next = await renew.mutateAsync();
          message.success(t('agreement.renewed'));
          void navigate(`/agreements/${next.id}`);
        } catch (e) {
          message.error(failureMessage(e, t('errors.saveFailed'), t('errors.network')));
        }
      },
    });
  return (
    <Button icon={<ReloadOutlined />} onClick={onClick} loading={renew.isPending} data-testid="renew">
      {t('agreement.renew')}
    </Button>
  );
}

export default function AgreementDetailPage() {
  const { t } = useTranslation();
  const id = useIdParam();
  const access = useAccess();
  const agreement = useAgreement(id);
  const transition = useAgreementTransition(id ?? 0);

  if (id === null) return <NotFoundResult />;
  if (agreement.error) return <LoadError error={agreement.error} onRetry={() => void agreement.refetch()} />;
  if (!agreement.data) return <PageLoading />;
  const a = agreement.data;
  const party = access.isPartyTo(a);
  const canEdit = a.status === 'draft' && party && access.can('agreements.edit');
  const canRenew = (a.status === 'active' || a.status === 'completed') && (a.allowed_actions.length > 0 || party);

  const items = [
    { key: 'overview', label: t('agreement.tab.overview'), children: <Overview agreement={a} /> },
    { key: 'goals', label: t('agreement.tab.goals'), children: <GoalsTab agreement={a} /> },
    { key: 'meetings', label: t('agreement.tab.meetings'), children: <MeetingsTab agreement={a} /> },
    { key: 'timeline', label: t('agreement.tab.timeline'), children: <TimelineTab agreement={a} /> },
    { key: 'amendments', label: t('agreement.tab.amendments'), children: <AmendmentsTab agreement={a} /> },
    { key: 'activities', label: t('agreement.tab.activities'), children: <ActivitiesTab agreement={a} /> },
    { key: 'donations', label: t('agreement.tab.donations'), children: <DonationsTab agreement={a} /> },
    { key: 'documents', label: t('agreement.tab.documents'), children: <AttachmentsTab agreement={a} /> },
  ];

  return (
    <>
      <PageHeader
        back={<BackButton to="/agreements" />}
        title={
          <Space size={8}>
            {a.title}
            <StatusTag status={a.status} />
          </Space>
        }
        extra={
          <>
            <TransitionButtons
              allowed={a.allowed_actions}
              onRun={(action, comment) => transition.mutateAsync({ action, comment, version: a.version })}
            />
            {canEdit && (
              <Link to={`/agreements/${a.id}/edit`}>
                <Button icon={<EditOutlined />} data-testid="edit">
                  {t('common.edit')}
                </Button>
              </Link>
            )}
            {canRenew && <RenewButton agreement={a} />}
          </>
        }
      />
      <Card>
        <UrlTabs items={items} />
      </Card>
    </>
  );
}
