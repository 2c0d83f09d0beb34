// The account menu's dropdown (UserMenu.tsx): profile and logout; its own chunk.
import type { ReactElement } from 'react';
import { Dropdown } from 'antd';
import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

export default function UserMenuDropdown({
  open,
  onOpenChange,
  onProfile,
  onLogout,
  children,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onProfile: () => void;
  onLogout: () => void;
  /** The account button. */
  children: ReactElement;
}) {
  const { t } = useTranslation();
  return (
    <Dropdown
      open={open}
      onOpenChange={onOpenChange}
      menu={{
        items: [
          { key: 'profile', icon: <UserOutlined />, label: t('nav.profile') },
          { type: 'divider' },
          { key: 'logout', icon: <LogoutOutlined />, label: t('nav.logout'), danger: true },
        ],
        onClick: ({ key }) => {
          onOpenChange(false);
          if (key === 'profile') onProfile();
          else onLogout();
        },
      }}
      trigger={['click']}
    >
      {children}
    </Dropdown>
  );
}
