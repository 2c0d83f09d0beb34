// Pieces both compliance reports (meetings, rotations) show: a card per red/amber/green status that
// filters the list to it (a second click clears the filter), and the status filter itself.
import { Card, Col, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ComplianceStatus } from '../../api/types';
import { COMPLIANCE_STATUSES } from '../../api/types';
import { FilterSelect } from '../../components/FilterBar';
import { COMPLIANCE_HEX } from './labels';

/** The status cards, as columns of the caller's Row (which may hold further cards). */
export function ComplianceStatusCards({
  counts,
  order,
  span,
  status,
  onStatus,
}: {
  counts: Record<ComplianceStatus, number>;
  order: readonly ComplianceStatus[];
  span: { xs: number; md: number };
  status: ComplianceStatus | undefined;
  onStatus: (s: ComplianceStatus | undefined) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      {order.map((k) => (
        <Col xs={span.xs} md={span.md} key={k}>
          <Card
            size="small"
            hoverable
            onClick={() => onStatus(status === k ? undefined : k)}
            style={status === k ? { borderColor: COMPLIANCE_HEX[k] } : undefined}
            data-testid={`summary-${k}`}
            aria-pressed={status === k}
          >
            <Statistic title={t(`enum.complianceStatus.${k}`)} value={counts[k]} styles={{ content: { color: COMPLIANCE_HEX[k] } }} />
          </Card>
        </Col>
      ))}
    </>
  );
}

export function ComplianceStatusFilter({
  value,
  onChange,
  placeholder,
  testId,
}: {
  value: ComplianceStatus | undefined;
  onChange: (v?: string) => void;
  placeholder: string;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <FilterSelect
      placeholder={placeholder}
      value={value}
      onChange={onChange}
      options={COMPLIANCE_STATUSES.map((s) => ({ value: s, label: t(`enum.complianceStatus.${s}`) }))}
      testId={testId}
    />
  );
}
