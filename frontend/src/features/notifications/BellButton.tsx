// The desktop shell's reminders bell (AppLayout): antd's text Button with the unread count in a Badge.
import { Badge, Button } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import type { BellProps } from './NotificationBell';

export function bellButton({ unread, label, onClick, onPointerEnter, onFocus }: BellProps) {
  return (
    <Button
      type="text"
      data-testid="reminder-bell"
      aria-label={label}
      onClick={onClick}
      onPointerEnter={onPointerEnter}
      onFocus={onFocus}
      icon={
        <Badge count={unread} size="small" overflowCount={99}>
          <BellOutlined style={{ fontSize: 16 }} />
        </Badge>
      }
    />
  );
}
