// The header's reminders: a bell with the unread count; a click lists agreements ending soon, steps
// waiting for the user and the like (ReminderPopover.tsx, its own chunk: the list's code loads on the
// bell's first use, so the shells show the bell and its count without it). Each shell draws the bell
// itself (renderBell): the desktop one with antd's Button and Badge (BellButton.tsx), the teacher's
// phone bar with its light controls, whose first load has no room for antd's.
import { lazy, Suspense, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useInbox } from './queries';

const loadPopover = () => import('./ReminderPopover');
const ReminderPopover = lazy(loadPopover);

/** What a bell button gets: its test id and label are the caller's to put on the button. */
export interface BellProps {
  unread: number;
  /** The accessible name, with the unread count. */
  label: string;
  onClick?: () => void;
  /** Fetch the list's code ahead (hover, focus). */
  onPointerEnter: () => void;
  onFocus: () => void;
}

export function NotificationBell({ renderBell }: { renderBell: (props: BellProps) => ReactElement }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  // the popover is mounted from the first click on; hovering or focusing the bell fetches its code ahead
  const [wanted, setWanted] = useState(false);
  const inbox = useInbox(i18n.language);
  const unread = inbox.data?.unread_count ?? 0;
  const prefetch = () => void loadPopover();

  const bell = (onClick?: () => void) =>
    renderBell({ unread, label: t('reminder.bellLabel', { count: unread }), onClick, onPointerEnter: prefetch, onFocus: prefetch });

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
