import { Card, Col, Row, Statistic, Tag, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { ACTIVITY_KINDS, DONATION_KINDS } from '../../api/types';
import { formatYuan } from '../../lib/format';
import { useLedgerSummary } from './queries';

/** Totals of what was recorded under one agreement (GET /agreements/{id}/summary). */
export function LedgerSummaryCards({ agreementId, show }: { agreementId: number; show: 'activities' | 'donations' }) {
  const { t } = useTranslation();
  const summary = useLedgerSummary(agreementId);
  const s = summary.data;
  const loading = summary.isLoading;
  const byKind =
    show === 'activities'
      ? ACTIVITY_KINDS.filter((k) => (s?.activities_by_kind[k] ?? 0) > 0).map((k) => (
          <Tag key={k}>
            {t(`enum.activityKind.${k}`)} {s?.activities_by_kind[k]}
          </Tag>
        ))
      : DONATION_KINDS.filter((k) => (s?.donations_by_kind[k]?.count ?? 0) > 0).map((k) => (
          <Tag key={k}>
            {t(`enum.donationKind.${k}`)} {s?.donations_by_kind[k]?.count} · {formatYuan(s?.donations_by_kind[k]?.value_yuan ?? '0')}
          </Tag>
        ));
  return (
    <div style={{ marginBottom: 16 }} data-testid={`ledger-summary-${show}`}>
      <Row gutter={[12, 12]}>
        {show === 'activities' ? (
          <>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic loading={loading} title={t('ledger.activitiesTotal')} value={s?.activities_total ?? 0} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic loading={loading} title={t('ledger.participantsTotal')} value={s?.participants_total ?? 0} />
              </Card>
            </Col>
          </>
        ) : (
          <>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic loading={loading} title={t('ledger.donationsTotal')} value={s?.donations_total ?? 0} />
              </Card>
            </Col>
            <Col xs={12} md={8}>
              <Card size="small">
                <Statistic
                  loading={loading}
                  title={t('ledger.donationsValue')}
                  value={s?.donations_value_yuan ?? '0'}
                  formatter={(v) => <span data-testid="donations-value">{formatYuan(String(v))}</span>}
                />
              </Card>
            </Col>
          </>
        )}
      </Row>
      {byKind.length > 0 && (
        <Space size={[0, 4]} wrap style={{ marginTop: 8 }}>
          {byKind}
        </Space>
      )}
    </div>
  );
}
