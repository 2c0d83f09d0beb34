// The header's account button (AppLayout): a click opens the profile / logout menu, antd's Dropdown,
// whose code loads on the first click (hovering or focusing the button fetches it ahead), as the
// reminders bell's list does.
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { Button } from 'antd';
import { UserOutlined } from '@ant-design/icons';

const loadDropdown = () => import('./UserMenuDropdown');
const UserMenuDropdown = lazy(loadDropdown);

export interface UserMenuProps {
  /** The button's accessible name. */
  label: string;
  /** Shown beside the icon (the user's name on wide screens). */
  name: ReactNode;
  onProfile: () => void;
  onLogout: () => void;
}

export function UserMenu({ label, name, onProfile, onLogout }: UserMenuProps) {
  const [wanted, setWanted] = useState(false);
  const [open, setOpen] = useState(false);
  const prefetch = () => void loadDropdown();
  const button = (onClick?: () => void) => (
    <Button type="text" icon={<UserOutlined />} data-testid="user-menu" aria-label={label} onClick={onClick} onPointerEnter={prefetch} onFocus={prefetch}>
      {name}
    </Button>
  );
  if (!wanted) {
    return button(() => {
      setWanted(true);
      setOpen(true);
    });
  }
  return (
    <Suspense fallback={button()}>
      <UserMenuDropdown open={open} onOpenChange={setOpen} onProfile={onProfile} onLogout={onLogout}>
        {button()}
      </UserMenuDropdown>
    </Suspense>
  );
}
