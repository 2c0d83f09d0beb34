// /calendar: the bureau's holidays (no school) and make-up school days by year — the days attendance
// leaves out or counts besides the weekends. Add, and delete after confirming.
import { useState } from 'react';
import { Button, Card, DatePicker, Empty, Form, Input, List, Popconfirm, Radio, Select, Space, Tag, Typography } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { failureMessage } from '../../api/problem';
import type { CalendarDay, CalendarDayKind } from '../../api/types';
import { CALENDAR_DAY_KINDS } from '../../api/types';
import { AddButton } from '../../components/ListPageHeader';
import { PageHeader } from '../../components/PageHeader';
import { RecordModal } from '../../components/RecordModal';
import { LoadError } from '../../components/Results';
import { formatDate } from '../../lib/format';
import { useFeedback } from '../../app/feedback';
import { useAddCalendarDay, useCalendarDays, useDeleteCalendarDay } from './queries';

interface Values {
  date: Dayjs;
  kind: CalendarDayKind;
  name: string;
}
const FIELDS = ['date', 'kind', 'name'] as const;

function AddDayModal({ year, onClose }: { year: number; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const add = useAddCalendarDay();
  const required = [{ required: true, message: t('validation.required') }];
  return (
    <RecordModal
      form={form}
      fields={FIELDS}
      isEdit={false}
      title={t('calendar.addTitle')}
      busy={add.isPending}
      save={(v) => add.mutateAsync({ date: v.date.format('YYYY-MM-DD'), kind: v.kind, name: (v.name ?? '').trim() })}
      onClose={onClose}
    >
      <Form<Values> form={form} layout="vertical" initialValues={{ kind: 'holiday', name: '' }} data-testid="calendar-day-form">
        <Form.Item name="date" label={t('calendar.date')} rules={required}>
          <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} defaultPickerValue={dayjs(`${year}-01-01`)} />
        </Form.Item>
        <Form.Item name="kind" label={t('calendar.kind')} rules={required}>
          <Radio.Group options={CALENDAR_DAY_KINDS.map((k) => ({ value: k, label: t(`enum.calendarDayKind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="name" label={t('calendar.name')} rules={[{ max: 50 }]}>
          <Input maxLength={50} placeholder={t('calendar.namePlaceholder')} />
        </Form.Item>
      </Form>
    </RecordModal>
  );
}

export default function CalendarDaysPage() {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [sp, setSp] = useSearchParams();
  const thisYear = new Date().getFullYear();
  const asked = Number.parseInt(sp.get('year') ?? '', 10);
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : thisYear;
  const query = useCalendarDays(year);
  const remove = useDeleteCalendarDay();
  const [adding, setAdding] = useState(false);
  const days = [...(query.data ?? [])].sort((a, b) => a.date.localeCompare(b.date));
  const years = Array.from({ length: 5 }, (_, i) => thisYear + 2 - i);
  if (!years.includes(year)) years.push(year);

  const onDelete = async (d: CalendarDay) => {
    try {
      await remove.mutateAsync(d.id);
      message.success(t('calendar.deleted'));
    } catch (e) {
      message.error(failureMessage(e, t('errors.saveFailed'), t('errors.network')));
    }
  };

  if (query.error && !query.data) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  const addButton = <AddButton label={t('calendar.add')} testId="calendar-add" onClick={() => setAdding(true)} />;

  return (
    <>
      <PageHeader
        title={t('calendar.title')}
        extra={
          <>
            <Select<number>
              value={year}
              onChange={(y) => setSp({ year: String(y) }, { replace: true })}
              options={years.sort((a, b) => b - a).map((y) => ({ value: y, label: t('calendar.yearLabel', { year: y }) }))}
              aria-label={t('calendar.year')}
              data-testid="calendar-year"
              style={{ width: 120 }}
            />
            {addButton}
          </>
        }
      />
      <Typography.Paragraph type="secondary">{t('calendar.help')}</Typography.Paragraph>
      <Card size="small">
        <List<CalendarDay>
          loading={query.isFetching}
          dataSource={days}
          rowKey="id"
          data-testid="calendar-day-list"
          locale={{
            emptyText: (
              <Empty description={t('calendar.empty', { year })} data-testid="calendar-empty">
                {addButton}
              </Empty>
            ),
          }}
          renderItem={(d) => (
            <List.Item data-testid="calendar-day" data-date={d.date}>
              <div style={{ display: 'flex', alignItems: 'center', gap: 8, width: '100%', minWidth: 0 }}>
                <Space size={8} wrap style={{ flex: 1, minWidth: 0 }}>
                  <Typography.Text strong>{formatDate(d.date)}</Typography.Text>
                  <Typography.Text type="secondary">{dayjs(d.date).format('dddd')}</Typography.Text>
                  <Tag color={d.kind === 'holiday' ? 'red' : 'blue'} data-kind={d.kind}>
                    {t(`enum.calendarDayKind.${d.kind}`)}
                  </Tag>
                  {d.name && <Typography.Text>{d.name}</Typography.Text>}
                </Space>
                <Popconfirm
                  title={t('calendar.deleteTitle', { date: formatDate(d.date), name: d.name || t(`enum.calendarDayKind.${d.kind}`) })}
                  description={t('calendar.deleteHelp')}
                  okText={t('calendar.delete')}
                  okButtonProps={{ danger: true, loading: remove.isPending }}
                  cancelText={t('common.cancel')}
                  onConfirm={() => onDelete(d)}
                >
                  <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('calendar.delete')} data-testid="calendar-delete" />
                </Popconfirm>
              </div>
            </List.Item>
          )}
        />
      </Card>
      {adding && <AddDayModal year={year} onClose={() => setAdding(false)} />}
    </>
  );
}
