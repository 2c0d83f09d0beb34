// The bar above every teacher screen (MobileScreen): the menu's entries (my rotation, profile), the
// reminders bell, the language switch and logout. The teacher's phone screens are not rendered in the
// desktop shell (src/app/AppLayout.tsx, its own chunk), whose sider menu and drawer they do not need;
// its buttons are the light ones of controls.tsx, as antd's Button and Badge would not fit the home's
// budget.
import type { ReactNode } from 'react';
import { BellOutlined, EnvironmentOutlined, LogoutOutlined, TranslationOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { useAuth } from '../app/auth';
import { menuKeyFor, menuRoutes, type MenuPath } from '../app/routes';
import { useSwitchLanguage } from '../app/useSwitchLanguage';
import { NotificationBell, type BellProps } from '../features/notifications/NotificationBell';
import { MButton } from './controls';

/** The icons of a teacher's menu entries, the only ones this bar shows (as app/menuIcons.tsx has them
 * for the desktop menu, whose other icons this bar does not download). */
export const MOBILE_MENU_ICONS: Partial<Record<MenuPath, ReactNode>> = {
  '/my': <EnvironmentOutlined />,
  '/profile': <UserOutlined />,
};

/** The reminders bell, its unread count as antd's small Badge shows it (99+ beyond 99). */
function bell({ unread, label, onClick, onPointerEnter, onFocus }: BellProps) {
  const count = unread > 99 ? '99+' : String(unread);
  return (
    <MButton
      type="text"
      data-testid="reminder-bell"
      aria-label={label}
      onClick={onClick}
      onPointerEnter={onPointerEnter}
      onFocus={onFocus}
      icon={
        <span className="m-badge">
          <BellOutlined style={{ fontSize: 16 }} />
          {unread > 0 && (
            <sup className={count.length > 1 ? 'm-badge-count m-badge-many' : 'm-badge-count'} title={count}>
              {count}
            </sup>
          )}
        </span>
      }
    />
  );
}

export function MobileBar() {
  const { t } = useTranslation();
  const { access, logout } = useAuth();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const { nextLanguageLabel, toggleLanguage } = useSwitchLanguage();
  const selected = menuKeyFor(pathname);

  const onLogout = async () => {
    await logout();
    void navigate('/login', { replace: true });
  };

  return (
    <header className="m-topbar">
      <nav className="m-nav" data-testid="main-menu" aria-label={t('nav.menu')}>
        {menuRoutes(access.can).map((r) =>
          r.menu ? (
            <Link key={r.path} to={r.path} aria-current={r.path === selected ? 'page' : undefined}>
              {(MOBILE_MENU_ICONS as Partial<Record<string, ReactNode>>)[r.path]}
              <span data-testid={r.menu.testId}>{t(r.menu.labelKey)}</span>
            </Link>
          ) : null,
        )}
      </nav>
      <NotificationBell renderBell={bell} />
      <MButton
        type="text"
        icon={<TranslationOutlined />}
        onClick={() => void toggleLanguage()}
        data-testid="lang-switch"
        aria-label={t('nav.switchLanguage')}
      >
        {nextLanguageLabel}
      </MButton>
      <MButton type="text" icon={<LogoutOutlined />} onClick={() => void onLogout()} data-testid="logout" aria-label={t('nav.logout')} />
    </header>
  );
}
