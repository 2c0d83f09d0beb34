// Follow-up items: who does what by when. Open items past their date are flagged "overdue" by
// the server and come back on the pair's next planned meeting.
import { Button, DatePicker, Empty, Form, Input, List, Radio, Space, Tag, Typography } from 'antd';
import { CheckOutlined, UndoOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ActionItem, Meeting } from '../../api/types';
import { failureMessage } from '../../api/problem';
import { RecordModal } from '../../components/RecordModal';
import { formatDate } from '../../lib/format';
import { useFeedback } from '../../app/feedback';
import { useCreateActionItem, useUpdateActionItem } from './queries';

type Pair = Pick<Meeting, 'supporting_school_id' | 'supporting_school_name' | 'receiving_school_id' | 'receiving_school_name'>;

function schoolName(pair: Pair, id: number): string {
  if (id === pair.supporting_school_id) return pair.supporting_school_name;
  if (id === pair.receiving_school_id) return pair.receiving_school_name;
  return `#${id}`;
}

export function ActionItemList({
  items,
  pair,
  meetingId,
  canEdit,
  showSource = false,
  testId,
  emptyText,
}: {
  items: ActionItem[];
  pair: Pair;
  /** The meeting page showing the list (refreshed after a change). */
  meetingId: number;
  canEdit: boolean;
  /** Link each item to the meeting it was agreed at (carried-over items). */
  showSource?: boolean;
  testId: string;
  emptyText: string;
}) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const update = useUpdateActionItem(meetingId);

  const toggle = async (item: ActionItem) => {
    const status = item.status === 'done' ? 'open' : 'done';
    try {
      await update.mutateAsync({ id: item.id, version: item.version, body: { status } });
      message.success(status === 'done' ? t('actionItem.markedDone') : t('actionItem.reopened'));
    } catch (e) {
      message.error(failureMessage(e, t('errors.saveFailed'), t('errors.network')));
    }
  };

  return (
    <List<ActionItem>
      dataSource={items}
      rowKey="id"
      data-testid={testId}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} /> }}
      renderItem={(item) => (
        <List.Item
          data-testid="action-item"
          data-status={item.status}
          data-overdue={item.overdue}
          actions={
            canEdit
              ? [
                  <Button
                    key="toggle"
                    size="small"
                    className="no-print"
                    icon={item.status === 'done' ? <UndoOutlined /> : <CheckOutlined />}
                    loading={update.isPending && update.variables?.id === item.id}
                    onClick={() => void toggle(item)}
                    data-testid={item.status === 'done' ? 'action-item-reopen' : 'action-item-done'}
                  >
                    {item.status === 'done' ? t('actionItem.reopen') : t('actionItem.markDone')}
                  </Button>,
                ]
              : []
          }
        >
          <List.Item.Meta
            title={
              <Space size={4} wrap>
                <Typography.Text delete={item.status === 'done'} style={{ whiteSpace: 'pre-wrap' }}>
                  {item.description}
                </Typography.Text>
                <Tag color={item.status === 'done' ? 'success' : 'default'}>{t(`enum.actionItemStatus.${item.status}`)}</Tag>
                {item.overdue && (
                  <Tag color="error" data-testid="overdue-tag">
                    {t('actionItem.overdue')}
                  </Tag>
                )}
              </Space>
            }
            description={
              <>
                <div>
                  {schoolName(pair, item.owner_school_id)}
                  {item.owner_name ? ` · ${item.owner_name}` : ''} · {t('actionItem.dueOn', { date: formatDate(item.due_date) })}
                </div>
                {showSource && (
                  <Link to={`/meetings/${item.meeting_id}`} className="no-print">
                    {t('actionItem.fromMeeting')}
                  </Link>
                )}
              </>
            }
          />
        </List.Item>
      )}
    />
  );
}

interface Values {
  description: string;
  owner_school_id: number;
  owner_name: string;
  due_date: Dayjs;
}
const FIELDS = ['description', 'owner_school_id', 'owner_name', 'due_date'] as const;

export function ActionItemModal({ meeting, onClose }: { meeting: Meeting; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreateActionItem(meeting.id);
  const required = [{ required: true, message: t('validation.required') }];
  const save = (v: Values) =>
    create.mutateAsync({
      description: v.description.trim(),
      owner_school_id: v.owner_school_id,
      owner_name: (v.owner_name ?? '').trim(),
      due_date: v.due_date.format('YYYY-MM-DD'),
    });
  return (
    <RecordModal form={form} fields={FIELDS} isEdit={false} title={t('actionItem.add')} busy={create.isPending} save={save} onClose={onClose}>
      <Form<Values> form={form} layout="vertical" data-testid="action-item-form" initialValues={{ owner_name: '' }}>
        <Form.Item name="description" label={t('actionItem.description')} rules={[...required, { whitespace: true, message: t('validation.required') }, { max: 2000 }]}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name="owner_school_id" label={t('actionItem.ownerSchool')} rules={required}>
          <Radio.Group
            options={[
              { value: meeting.supporting_school_id, label: meeting.supporting_school_name },
              { value: meeting.receiving_school_id, label: meeting.receiving_school_name },
            ]}
          />
        </Form.Item>
        <Form.Item name="owner_name" label={t('actionItem.ownerName')} rules={[{ max: 100 }]}>
          <Input maxLength={100} placeholder={t('actionItem.ownerNamePlaceholder')} />
        </Form.Item>
        <Form.Item name="due_date" label={t('actionItem.dueDate')} rules={required}>
          <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </RecordModal>
  );
}
