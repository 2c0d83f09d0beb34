// 工作简报: the bureau's monthly bulletin as a readable page — the month's figures, its highlights and
// the pairs needing attention — to print (the app shell hidden, see bulletin.css) or to download as
// Word or PDF (the server writes both from one outline, in the interface's language). The month is
// kept in the URL (?month=2026-10); without one, last month's bulletin opens.
import { useMemo, type ReactNode } from 'react';
import { Button, Card, Col, DatePicker, Row, Skeleton, Space, Statistic, Tag, Typography } from 'antd';
import { LeftOutlined, PrinterOutlined, RightOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Bulletin, BulletinAttention, BulletinHighlight } from '../../api/types';
import { useAccess } from '../../app/auth';
import { PageHeader } from '../../components/PageHeader';
import { DocumentDownloadButton } from '../../components/DocumentDownloadButton';
import { LoadError } from '../../components/Results';
import { EMPTY, formatDate, formatYuan } from '../../lib/format';
import { ComplianceTag } from '../meetings/MeetingTags';
import { barPercent, shownKinds } from './kinds';
import { latestMonth, monthTitle, pickMonth, shiftMonth } from './months';
import { fetchBulletinFile, useBulletin } from './queries';
import './bulletin.css';

/** "72000.00" → "72,000.00" (the unit is written by the sentence around it). */
function yuan(v: string): string {
  const s = formatYuan(v);
  return s === EMPTY ? EMPTY : s.replace('¥', '');
}

function Section({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <section className="bulletin-section" data-testid={testId}>
      <Typography.Title level={4} className="bulletin-section-title">
        {title}
      </Typography.Title>
      {children}
    </section>
  );
}

function Empty({ text, testId }: { text: string; testId: string }) {
  return (
    <Typography.Paragraph type="secondary" data-testid={testId}>
      {text}
    </Typography.Paragraph>
  );
}

function Overview({ bulletin: b }: { bulletin: Bulletin }) {
  const { t } = useTranslation();
  const c = b.counts;
  const kinds = shownKinds(c.activities_by_kind);
  const max = kinds.reduce((m, k) => Math.max(m, k.count), 0);
  const cards = [
    { key: 'meetings_held', title: t('bulletin.count.meetingsHeld'), value: c.meetings_held, unit: t('bulletin.unit.meetings', { count: c.meetings_held }) },
    { key: 'activities', title: t('bulletin.count.activities'), value: c.activities, unit: t('bulletin.unit.activities', { count: c.activities }) },
    { key: 'teachers_on_rotation', title: t('bulletin.count.teachersOnRotation'), value: c.teachers_on_rotation, unit: t('bulletin.unit.teachers', { count: c.teachers_on_rotation }) },
    { key: 'checkins', title: t('bulletin.count.checkins'), value: c.checkins, unit: t('bulletin.unit.checkins', { count: c.checkins }) },
    { key: 'new_agreements', title: t('bulletin.count.newAgreements'), value: c.new_agreements, unit: t('bulletin.unit.agreements', { count: c.new_agreements }) },
  ] as const;
  return (
    <>
      <Row gutter={[12, 12]} className="bulletin-counts">
        {cards.map((k) => (
          <Col xs={12} sm={8} xl={4} key={k.key}>
            <Card size="small" className="bulletin-count" data-testid={`bulletin-count-${k.key}`} data-value={k.value}>
              <Statistic title={k.title} value={k.value} suffix={k.unit} />
            </Card>
          </Col>
        ))}
        <Col xs={12} sm={8} xl={4}>
          <Card
            size="small"
            className="bulletin-count"
            data-testid="bulletin-count-donations"
            data-value={c.donations}
            data-yuan={c.donations_value_yuan}
          >
            <Statistic title={t('bulletin.count.donations')} value={c.donations} suffix={t('bulletin.unit.donations', { count: c.donations })} />
            <Typography.Text type="secondary" className="bulletin-note" data-testid="bulletin-donations-value">
              {t('bulletin.count.donationsValue', { value: yuan(c.donations_value_yuan) })}
            </Typography.Text>
          </Card>
        </Col>
      </Row>
      <Typography.Title level={5} className="bulletin-subtitle">
        {t('bulletin.byKind')}
      </Typography.Title>
      {kinds.length === 0 ? (
        <Empty text={t('bulletin.noActivities')} testId="bulletin-kinds-empty" />
      ) : (
        <ul className="bulletin-kinds" data-testid="bulletin-kinds">
          {kinds.map((k) => (
            <li key={k.kind} data-testid="bulletin-kind" data-kind={k.kind} data-count={k.count}>
              <span className="bulletin-kind-label">{t(`enum.activityKind.${k.kind}`)}</span>
              <span className="bulletin-kind-bar" aria-hidden>
                <span style={{ width: `${barPercent(k.count, max)}%` }} />
              </span>
              <span className="bulletin-kind-count">{t('bulletin.kindCount', { count: k.count })}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function Highlight({ h }: { h: BulletinHighlight }) {
  const { t } = useTranslation();
  return (
    <li className="bulletin-item" data-testid="bulletin-highlight" data-activity-id={h.activity_id}>
      <Space size={[8, 4]} wrap className="bulletin-item-meta">
        <Typography.Text type="secondary">{formatDate(h.date)}</Typography.Text>
        <Typography.Text>{h.organizer_school_name}</Typography.Text>
        <Tag color="blue">{t(`enum.activityKind.${h.kind}`)}</Tag>
      </Space>
      <div>
        <Link to={`/agreements/${h.agreement_id}`} className="bulletin-item-title" data-testid="bulletin-highlight-link">
          {h.title}
        </Link>
      </div>
      {h.description.trim() && <Typography.Paragraph className="bulletin-item-text">{h.description}</Typography.Paragraph>}
      <Typography.Text type="secondary" className="bulletin-note">
        {h.participants > 0
          ? t('bulletin.highlightOfWith', { agreement: h.agreement_title, count: h.participants })
          : t('bulletin.highlightOf', { agreement: h.agreement_title })}
      </Typography.Text>
    </li>
  );
}

function AttentionItem({ a }: { a: BulletinAttention }) {
  const { t } = useTranslation();
  return (
    <li className="bulletin-item" data-testid="bulletin-attention" data-agreement-id={a.agreement_id} data-overdue={a.overdue_items}>
      <div>
        <Link to={`/agreements/${a.agreement_id}`} className="bulletin-item-title" data-testid="bulletin-attention-link">
          {a.title}
        </Link>
      </div>
      <div>
        <Typography.Text type="secondary" className="bulletin-note">
          {t('bulletin.pair', { supporting: a.supporting_school_name, receiving: a.receiving_school_name })}
        </Typography.Text>
      </div>
      <Space size={[16, 4]} wrap className="bulletin-item-meta">
        <span>
          {t('bulletin.meetings')} <ComplianceTag status={a.meeting_status} />
        </span>
        <span data-testid="bulletin-overdue">
          {t('bulletin.overdue')}{' '}
          <Typography.Text strong type={a.overdue_items > 0 ? 'danger' : undefined}>
            {a.overdue_items}
          </Typography.Text>
        </span>
      </Space>
    </li>
  );
}

function Document({ month, bulletin }: { month: string; bulletin: Bulletin | undefined }) {
  const { t, i18n } = useTranslation();
  const access = useAccess();
  const b = bulletin;
  return (
    <article className="bulletin-doc" data-testid="bulletin" data-month={month} data-ready={b !== undefined}>
      <header className="bulletin-head">
        <Typography.Title level={3} className="bulletin-title" data-testid="bulletin-title">
          {t('bulletin.title', { month: monthTitle(month, i18n.language) })}
        </Typography.Title>
        <Typography.Text type="secondary" data-testid="bulletin-period">
          {b ? t('bulletin.period', { from: formatDate(b.from_date), to: formatDate(b.to_date) }) : '\u00a0'}
        </Typography.Text>
        {access.fixedSchoolId !== null && (
          <div>
            <Typography.Text type="secondary" className="bulletin-note" data-testid="bulletin-scope-school">
              {t('bulletin.scopeSchool')}
            </Typography.Text>
          </div>
        )}
      </header>
      {!b ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <>
          <Section title={t('bulletin.overview')} testId="bulletin-overview">
            <Overview bulletin={b} />
          </Section>
          <Section title={t('bulletin.highlights')} testId="bulletin-highlights">
            {b.highlights.length === 0 ? (
              <Empty text={t('bulletin.noHighlights')} testId="bulletin-highlights-empty" />
            ) : (
              <ol className="bulletin-list">
                {b.highlights.map((h) => (
                  <Highlight key={h.activity_id} h={h} />
                ))}
              </ol>
            )}
          </Section>
          <Section title={t('bulletin.attention')} testId="bulletin-attention-section">
            <Typography.Paragraph type="secondary" className="bulletin-note">
              {t('bulletin.attentionHelp')}
            </Typography.Paragraph>
            {b.attention.length === 0 ? (
              <Empty text={t('bulletin.noAttention')} testId="bulletin-attention-empty" />
            ) : (
              <ul className="bulletin-list">
                {b.attention.map((a) => (
                  <AttentionItem key={a.agreement_id} a={a} />
                ))}
              </ul>
            )}
          </Section>
          <footer className="bulletin-foot">
            <Typography.Text type="secondary" className="bulletin-note">
              {t('bulletin.footer')}
            </Typography.Text>
          </footer>
        </>
      )}
    </article>
  );
}

export default function BulletinPage() {
  const { t } = useTranslation();
  const [sp, setSp] = useSearchParams();
  const now = useMemo(() => new Date(), []);
  const latest = latestMonth(now);
  const month = pickMonth(sp.get('month'), now);
  const query = useBulletin(month);
  // while another month loads, the previous one's answer is never shown under this month's title
  const bulletin = query.data?.month === month ? query.data : undefined;

  const show = (m: string) =>
    setSp(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set('month', m);
        return next;
      },
      { replace: true },
    );
  const fileName = t('bulletin.fileName', { month });

  return (
    <div className="bulletin" data-testid="bulletin-page" data-loading={query.isFetching}>
      <div className="no-print">
        <PageHeader
          title={t('bulletin.pageTitle')}
          extra={
            <>
              <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="bulletin-print">
                {t('bulletin.print')}
              </Button>
              <DocumentDownloadButton
                kind="docx"
                fetchFile={() => fetchBulletinFile(month, 'docx')}
                fileName={fileName}
                failed={t('bulletin.downloadFailed')}
                label={t('bulletin.downloadWord')}
                testId="bulletin-docx"
              />
              <DocumentDownloadButton
                fetchFile={() => fetchBulletinFile(month, 'pdf')}
                fileName={fileName}
                failed={t('bulletin.downloadFailed')}
                label={t('bulletin.downloadPdf')}
                testId="bulletin-pdf"
              />
            </>
          }
        />
        <Space size={8} className="bulletin-months">
          <Button
            icon={<LeftOutlined />}
            aria-label={t('bulletin.prevMonth')}
            onClick={() => show(shiftMonth(month, -1))}
            data-testid="bulletin-month-prev"
          />
          <DatePicker
            picker="month"
            format="YYYY-MM"
            allowClear={false}
            inputReadOnly
            value={dayjs(`${month}-01`)}
            disabledDate={(d) => d.format('YYYY-MM') > latest}
            onChange={(d) => d && show(d.format('YYYY-MM'))}
            aria-label={t('bulletin.month')}
            data-testid="bulletin-month"
            style={{ width: 130 }}
          />
          <Button
            icon={<RightOutlined />}
            aria-label={t('bulletin.nextMonth')}
            disabled={month >= latest}
            onClick={() => show(shiftMonth(month, 1))}
            data-testid="bulletin-month-next"
          />
        </Space>
      </div>
      {query.error && !bulletin ? (
        <LoadError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Document month={month} bulletin={bulletin} />
      )}
    </div>
  );
}
