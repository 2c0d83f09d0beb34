// Small pieces the rotation report pages share: the school-year picker, the attendance bar, the
// pending-leave badge and the certificate download.
import { useMemo } from 'react';
import { Badge, Progress, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Rotation } from '../../api/types';
import { DocumentDownloadButton } from '../../components/DocumentDownloadButton';
import { EMPTY } from '../../lib/format';
import { ALL_YEARS, attendancePercent, schoolYearChoices } from './figures';
import { fetchCertificate } from './queries';

export function useSchoolYearLabel() {
  const { t } = useTranslation();
  return (y: number) => t('rotationReport.schoolYearLabel', { start: y, end: y + 1 });
}

/** The school-year picker; with `allowAll`, "every year" too (value "all"). */
export function SchoolYearSelect({
  value,
  onChange,
  allowAll,
  testId,
}: {
  value: number | undefined;
  onChange: (v: string) => void;
  allowAll?: boolean;
  testId: string;
}) {
  const { t } = useTranslation();
  const label = useSchoolYearLabel();
  const today = useMemo(() => new Date(), []);
  const years = schoolYearChoices(today);
  const choices = value === undefined || years.includes(value) ? years : [value, ...years];
  const options = [
    ...(allowAll ? [{ value: ALL_YEARS, label: t('rotationReport.allYears') }] : []),
    ...choices.map((y) => ({ value: String(y), label: label(y) })),
  ];
  return (
    <Select<string>
      value={value === undefined ? ALL_YEARS : String(value)}
      onChange={onChange}
      options={options}
      aria-label={t('rotationReport.schoolYear')}
      data-testid={testId}
    />
  );
}

/** The attendance rate so far as a small bar; a dash before the first school day. */
export function AttendanceBar({ rate, width = 120 }: { rate: number | null | undefined; width?: number }) {
  const { t } = useTranslation();
  const p = attendancePercent(rate);
  if (p === null) {
    return (
      <Typography.Text type="secondary" data-testid="attendance-rate" data-rate="">
        {EMPTY}
      </Typography.Text>
    );
  }
  const color = p >= 90 ? '#52c41a' : p >= 75 ? '#faad14' : '#ff4d4f';
  return (
    <div style={{ width, maxWidth: '100%' }} data-testid="attendance-rate" data-rate={String(p)}>
      <Progress
        percent={p}
        size="small"
        strokeColor={color}
        format={(v) => `${v ?? 0}%`}
        aria-label={t('rotationReport.roster.attendanceRate')}
        style={{ margin: 0 }}
      />
    </div>
  );
}

/** Leave requests waiting for the host school's decision. */
export function PendingBadge({ count }: { count: number }) {
  const { t } = useTranslation();
  return (
    <Badge
      count={count}
      showZero
      color={count > 0 ? '#faad14' : '#d9d9d9'}
      title={t('rotationReport.roster.pendingLeavesTitle', { count })}
      data-testid="pending-leaves"
      data-count={count}
    />
  );
}

/** "Download certificate": the 支教证明 PDF of a completed rotation, fetched with the bearer token. */
export function CertificateButton({ rotation, block }: { rotation: Rotation; block?: boolean }) {
  const { t } = useTranslation();
  return (
    <DocumentDownloadButton
      fetchFile={() => fetchCertificate(rotation.id)}
      fileName={t('rotationReport.certificate.fileName', { teacher: rotation.teacher_name, month: rotation.start_date.slice(0, 7) })}
      failed={t('rotationReport.certificate.failed')}
      label={t('rotationReport.certificate.download')}
      testId="certificate-download"
      block={block}
      stopPropagation
    />
  );
}
