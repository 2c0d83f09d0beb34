// The bar above every teacher screen (MobileScreen): the menu's entries (my rotation, profile), the
// reminders bell, the language switch and logout. The teacher's phone screens are not rendered in the
// desktop shell (src/app/AppLayout.tsx, its own chunk), whose sider menu and drawer they do not need.
import { Button } from 'antd';
import { LogoutOutlined, TranslationOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { useAuth } from '../app/auth';
import { menuKeyFor, menuRoutes } from '../app/routes';
import { useSwitchLanguage } from '../app/useSwitchLanguage';
import { NotificationBell } from '../features/notifications/NotificationBell';

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
              {r.menu.icon}
              <span data-testid={r.menu.testId}>{t(r.menu.labelKey)}</span>
            </Link>
          ) : null,
        )}
      </nav>
      <NotificationBell />
      <Button
        type="text"
        icon={<TranslationOutlined />}
        onClick={() => void toggleLanguage()}
        data-testid="lang-switch"
        aria-label={t('nav.switchLanguage')}
      >
        {nextLanguageLabel}
      </Button>
      <Button type="text" icon={<LogoutOutlined />} onClick={() => void onLogout()} data-testid="logout" aria-label={t('nav.logout')} />
    </header>
  );
}
