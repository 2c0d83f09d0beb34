import { Empty, Spin, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Agreement, AgreementEvent, AgreementStatus } from '../../api/types';
import { AGREEMENT_STATUSES, PARTIES } from '../../api/types';
import { LoadError } from '../../components/Results';
import { formatDateTime } from '../../lib/format';
import { oneOf } from '../../lib/listState';
import { asAction } from './labels';
import { useAgreementEvents } from './queries';

const COLOR: Record<string, string> = { approve: 'green', confirm: 'green', reject: 'red', terminate: 'red', complete: 'gray' };

export function TimelineTab({ agreement }: { agreement: Agreement }) {
  const { t } = useTranslation();
  const events = useAgreementEvents(agreement.id);
  if (events.error) return <LoadError error={events.error} onRetry={() => void events.refetch()} />;
  if (!events.data) return <Spin />;
  if (events.data.length === 0) return <Empty description={t('timeline.empty')} />;

  const status = (s: string | null | undefined) => {
    const known = oneOf<AgreementStatus>(AGREEMENT_STATUSES, s ?? undefined);
    return known ? t(`enum.agreementStatus.${known}`) : (s ?? '');
  };
  const actionLabel = (e: AgreementEvent) => {
    const a = asAction(e.action);
    if (a) return t(`agreement.action.${a}`);
    if (e.action === 'create' || e.action === 'renew' || e.action === 'amend') return t(`timeline.event.${e.action}`);
    return e.action;
  };
  const who = (e: AgreementEvent) => {
    const party = oneOf(PARTIES, e.acting_as ?? undefined);
    const name = e.actor_name ?? t('timeline.system');
    if (e.on_behalf && party) return t('timeline.onBehalf', { name, party: t(`enum.party.${party}`) });
    return party ? t('timeline.actorAs', { name, party: t(`enum.party.${party}`) }) : name;
  };

  return (
    <Timeline
      data-testid="agreement-timeline"
      items={events.data.map((e) => ({
        key: e.id,
        color: COLOR[e.action] ?? 'blue',
        title: formatDateTime(e.at),
        content: (
          <div data-testid="timeline-item">
            <Typography.Text strong>
              {e.amendment_id ? t('timeline.amendment', { action: actionLabel(e) }) : actionLabel(e)}
            </Typography.Text>
            {e.from_status && e.to_status && (
              <Typography.Text type="secondary">
                {' '}
                {t('timeline.statusChange', { from: status(e.from_status), to: status(e.to_status) })}
              </Typography.Text>
            )}
            <div>
              <Typography.Text type="secondary">{who(e)}</Typography.Text>
            </div>
            {e.comment && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{e.comment}</Typography.Paragraph>}
          </div>
        ),
      }))}
    />
  );
}
