// The header's reminders: a bell with the unread count; a click lists agreements ending soon, steps
// waiting for the user and the like (ReminderPopover.tsx, its own chunk: the list's code loads on the
// bell's first use, so the shells show the bell and its count without it).
import { lazy, Suspense, useState } from 'react';
import { Badge, Button } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useInbox } from './queries';

const loadPopover = () => import('./ReminderPopover');
const ReminderPopover = lazy(loadPopover);

export function NotificationBell() {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  // the popover is mounted from the first click on; hovering or focusing the bell fetches its code ahead
  const [wanted, setWanted] = useState(false);
  const inbox = useInbox(i18n.language);
  const unread = inbox.data?.unread_count ?? 0;
  const prefetch = () => void loadPopover();

  const bell = (onClick?: () => void) => (
    <Button
      type="text"
      data-testid="reminder-bell"
      aria-label={t('reminder.bellLabel', { count: unread })}
      onClick={onClick}
      onPointerEnter={prefetch}
      onFocus={prefetch}
      icon={
        <Badge count={unread} size="small" overflowCount={99}>
          <BellOutlined style={{ fontSize: 16 }} />
        </Badge>
      }
    />
  );

  if (!wanted) {
    return bell(() => {
      setWanted(true);
      setOpen(true);
    });
  }
  return (
    <Suspense fallback={bell()}>
      <ReminderPopover open={open} onOpenChange={setOpen}>
        {bell()}
      </ReminderPopover>
    </Suspense>
  );
}
