// The shell: a sider menu on wide screens, a hamburger + drawer on phones; the header holds
// the reminders bell, the language switch, the user's name and logout. Menu entries come from the
// route table, the pages below it from desktopPages.tsx. The brand and the header's row are plain
// elements rather than antd's Typography and Space, whose code (editing, copying, tooltips) the
// first page would otherwise download for one line of text.
import { lazy, Suspense, useState } from 'react';
import { Button, Grid, Layout, Menu, theme } from 'antd';
import { LogoutOutlined, MenuOutlined, TranslationOutlined } from '@ant-design/icons';
import { useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { bellButton } from '../features/notifications/BellButton';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { useAuth } from './auth';
import { DesktopRoutes } from './desktopPages';
import { menuIcon } from './menuIcons';
import { menuKeyFor, menuRoutes } from './routes';
import { UserMenu } from './UserMenu';
import { useSwitchLanguage } from './useSwitchLanguage';

// The phones' menu drawer: its own chunk, fetched on the first tap of the menu button.
const MenuDrawer = lazy(() => import('./MenuDrawer'));

const { Header, Sider, Content } = Layout;

export default function AppLayout() {
  const { t } = useTranslation();
  const { me, access, logout } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const narrow = !screens.lg;
  const [drawerOpen, setDrawerOpen] = useState(false);
  // the drawer is mounted from the first tap on (closed, antd's Drawer renders nothing either)
  const [drawerWanted, setDrawerWanted] = useState(false);
  const { token } = theme.useToken();
  const { nextLanguageLabel, toggleLanguage } = useSwitchLanguage();

  const items = menuRoutes(access.can).map((r) => ({
    key: r.path,
    icon: menuIcon(r.path),
    label: <span data-testid={r.menu?.testId}>{r.menu ? t(r.menu.labelKey) : ''}</span>,
  }));
  const selected = menuKeyFor(location.pathname);

  const menu = (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={selected ? [selected] : []}
      onClick={({ key }) => {
        setDrawerOpen(false);
        void navigate(key);
      }}
      style={{ borderInlineEnd: 'none' }}
      aria-label={t('nav.menu')}
    />
  );

  const onLogout = async () => {
    await logout();
    void navigate('/login', { replace: true });
  };

  // one line cut with an ellipsis, as Typography.Text's `strong ellipsis` (styles.css)
  const brand = (
    <span className="app-brand" style={{ fontSize: 16, color: token.colorText }}>
      <strong>{t('app.shortTitle')}</strong>
    </span>
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!narrow && (
        <Sider width={208} theme="light" style={{ borderInlineEnd: `1px solid ${token.colorBorderSecondary}` }}>
          <div style={{ height: 56, display: 'flex', alignItems: 'center', paddingInline: 20 }}>{brand}</div>
          <nav data-testid="main-menu">{menu}</nav>
        </Sider>
      )}
      {narrow && drawerWanted && (
        <Suspense fallback={null}>
          <MenuDrawer open={drawerOpen} onClose={() => setDrawerOpen(false)} title={t('app.shortTitle')}>
            <nav data-testid="main-menu">{menu}</nav>
          </MenuDrawer>
        </Suspense>
      )}
      <Layout style={{ minWidth: 0 }}>
        <Header
          style={{
            background: token.colorBgContainer,
            paddingInline: narrow ? 8 : 24,
            display: 'flex',
            alignItems: 'center',
            gap: 8,
            height: 56,
            lineHeight: '56px',
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
          }}
        >
          {narrow && (
            <Button
              type="text"
              icon={<MenuOutlined />}
              aria-label={t('nav.openMenu')}
              data-testid="menu-toggle"
              onClick={() => {
                setDrawerWanted(true);
                setDrawerOpen(true);
              }}
            />
          )}
          <div style={{ flex: 1, minWidth: 0, display: 'flex', alignItems: 'center', lineHeight: 'normal' }}>
            {narrow && brand}
          </div>
          {/* each button in its own item, as antd's Space lays them out (the line height sets the bell's place) */}
          <div className="app-header-actions" style={{ columnGap: narrow ? 0 : 8 }}>
            <div>
              <NotificationBell renderBell={bellButton} />
            </div>
            <div>
              <Button
                type="text"
                icon={<TranslationOutlined />}
                onClick={() => void toggleLanguage()}
                data-testid="lang-switch"
                aria-label={t('nav.switchLanguage')}
              >
                {nextLanguageLabel}
              </Button>
            </div>
            <div>
              <UserMenu
                label={t('nav.account')}
                name={!narrow && me?.display_name}
                onProfile={() => void navigate('/profile')}
                onLogout={() => void onLogout()}
              />
            </div>
            <div>
              <Button
                type="text"
                icon={<LogoutOutlined />}
                onClick={() => void onLogout()}
                data-testid="logout"
                aria-label={t('nav.logout')}
              >
                {!narrow && t('nav.logout')}
              </Button>
            </div>
          </div>
        </Header>
        <Content style={{ padding: narrow ? 12 : 24, minWidth: 0 }}>
          <DesktopRoutes />
        </Content>
      </Layout>
    </Layout>
  );
}
