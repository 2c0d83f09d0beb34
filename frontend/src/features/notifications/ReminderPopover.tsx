// The reminders bell's popover: the list of reminders, unread first; opening one marks it read.
// Its own chunk (antd Popover, List, Tag …), loaded on the bell's first use (NotificationBell.tsx).
import type { ReactElement } from 'react';
import { Button, Empty, List, Popover, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Notification } from '../../api/types';
import { useInbox, useMarkRead } from './queries';
import { byUrgency, urgencyColor, urgencyOf } from './urgency';
import { reminderTarget } from './target';

function ReminderItem({ n, onOpen }: { n: Notification; onOpen: () => void }) {
  const { t } = useTranslation();
  const unread = n.read_at === null || n.read_at === undefined;
  const to = reminderTarget(n);
  const body = (
    <>
      <Tag color={urgencyColor(n)} style={{ marginBottom: 4 }}>
        {t(`reminder.urgency.${urgencyOf(n)}`)}
      </Tag>
      <Typography.Text strong={unread} style={{ display: 'block' }}>
        {n.message}
      </Typography.Text>
    </>
  );
  return (
    <List.Item style={{ paddingInline: 0 }} data-testid="reminder-item" data-urgency={urgencyOf(n)} data-unread={unread}>
      {to !== null ? (
        <Link to={to} onClick={onOpen} style={{ display: 'block', width: '100%', color: 'inherit' }}>
          {body}
        </Link>
      ) : (
        <div style={{ width: '100%' }}>{body}</div>
      )}
    </List.Item>
  );
}

export default function ReminderPopover({
  open,
  onOpenChange,
  children,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The bell button. */
  children: ReactElement;
}) {
  const { t, i18n } = useTranslation();
  const inbox = useInbox(i18n.language);
  const markRead = useMarkRead();
  const items = inbox.data?.items ?? [];
  const unread = inbox.data?.unread_count ?? 0;

  const openItem = (n: Notification) => {
    onOpenChange(false);
    if (n.read_at === null || n.read_at === undefined) markRead.mutate(n.id);
  };

  const content = inbox.isLoading ? (
    <Spin size="small" style={{ display: 'block', margin: '16px auto' }} />
  ) : items.length === 0 ? (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reminder.empty')} />
  ) : (
    <List<Notification>
      size="small"
      dataSource={byUrgency(items)}
      rowKey="id"
      style={{ maxHeight: 'min(420px, 60vh)', overflowY: 'auto' }}
      renderItem={(n) => <ReminderItem n={n} onOpen={() => openItem(n)} />}
    />
  );

  return (
    <Popover
      open={open}
      onOpenChange={onOpenChange}
      trigger="click"
      // "bottom" shifts sideways to stay on screen (the corner placements would overflow a phone)
      placement="bottom"
      title={
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8 }}>
          {t('reminder.title')}
          {unread > 0 && (
            <Button type="link" size="small" onClick={() => markRead.mutate(null)} data-testid="reminder-read-all">
              {t('reminder.markAllRead')}
            </Button>
          )}
        </div>
      }
      styles={{ root: { width: 'min(360px, calc(100vw - 16px))' } }}
      content={<div data-testid="reminder-panel">{content}</div>}
    >
      {children}
    </Popover>
  );
}
