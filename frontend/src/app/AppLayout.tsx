// The shell: a sider menu on wide screens, a hamburger + drawer on phones; the header holds
// the reminders bell, the language switch, the user's name and logout. Menu entries come from the route table.
import { useState } from 'react';
import { Button, Drawer, Dropdown, Grid, Layout, Menu, Space, Typography, theme } from 'antd';
import { LogoutOutlined, MenuOutlined, TranslationOutlined, UserOutlined } from '@ant-design/icons';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { useAuth } from './auth';
import { menuKeyFor, menuRoutes } from './routes';
import { useSwitchLanguage } from './useSwitchLanguage';

const { Header, Sider, Content } = Layout;

export default function AppLayout() {
  const { t } = useTranslation();
  const { me, access, logout } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const narrow = !screens.lg;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const { token } = theme.useToken();
  const { nextLanguageLabel, toggleLanguage } = useSwitchLanguage();

  const items = menuRoutes(access.can).map((r) => ({
    key: r.path,
    icon: r.menu?.icon,
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

  const brand = (
    <Typography.Text strong ellipsis style={{ fontSize: 16, color: token.colorText }}>
      {t('app.shortTitle')}
    </Typography.Text>
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!narrow && (
        <Sider width={208} theme="light" style={{ borderInlineEnd: `1px solid ${token.colorBorderSecondary}` }}>
          <div style={{ height: 56, display: 'flex', alignItems: 'center', paddingInline: 20 }}>{brand}</div>
          <nav data-testid="main-menu">{menu}</nav>
        </Sider>
      )}
      {narrow && (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={260}
          title={t('app.shortTitle')}
          styles={{ body: { padding: 0 } }}
        >
          <nav data-testid="main-menu">{menu}</nav>
        </Drawer>
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
              onClick={() => setDrawerOpen(true)}
            />
          )}
          <div style={{ flex: 1, minWidth: 0, display: 'flex', alignItems: 'center', lineHeight: 'normal' }}>
            {narrow && brand}
          </div>
          <Space size={narrow ? 0 : 8}>
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
            <Dropdown
              menu={{
                items: [
                  { key: 'profile', icon: <UserOutlined />, label: t('nav.profile') },
                  { type: 'divider' },
                  { key: 'logout', icon: <LogoutOutlined />, label: t('nav.logout'), danger: true },
                ],
                onClick: ({ key }) => {
                  if (key === 'profile') void navigate('/profile');
                  else void onLogout();
                },
              }}
              trigger={['click']}
            >
              <Button type="text" icon={<UserOutlined />} data-testid="user-menu" aria-label={t('nav.account')}>
                {!narrow && me?.display_name}
              </Button>
            </Dropdown>
            <Button
              type="text"
              icon={<LogoutOutlined />}
              onClick={() => void onLogout()}
              data-testid="logout"
              aria-label={t('nav.logout')}
            >
              {!narrow && t('nav.logout')}
            </Button>
          </Space>
        </Header>
        <Content style={{ padding: narrow ? 12 : 24, minWidth: 0 }}>
          <Outlet />
        </Content>
      </Layout>
    </Layout>
  );
}
