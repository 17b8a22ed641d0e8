import { Suspense, useState } from 'react';
import type { ReactNode } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { App, Avatar, Button, Drawer, Dropdown, Grid, Layout, Menu, Space, Typography } from 'antd';
import type { MenuProps } from 'antd';
import { AlertOutlined, DashboardOutlined, ApartmentOutlined, GlobalOutlined, OrderedListOutlined, DownOutlined, InboxOutlined, KeyOutlined, LogoutOutlined, MenuOutlined, PushpinOutlined, ShopOutlined, TeamOutlined, TrophyOutlined, UploadOutlined, UserOutlined } from '@ant-design/icons';
import { FileTextOutlined, FlagOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useCurrentUser, useLogout } from '../../features/auth/api.ts';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { PageLoading } from '../components/Status.tsx';
import { useLabels } from '../labels.ts';
import { BrandMark } from './BrandMark.tsx';
import { PasswordDialog } from './PasswordDialog.tsx';

/** Command-centre views first (驾驶舱, 一张图, the campaign and its airing), then the daily ledgers, then setup. */
const NAV: readonly { key: string; flag: string; icon: ReactNode; path?: string }[] = [
  { key: 'dashboard', flag: 'dashboard', icon: <DashboardOutlined /> },
  { key: 'map', flag: 'map', icon: <GlobalOutlined /> },
  { key: 'campaigns', flag: 'campaigns', icon: <FlagOutlined /> },
  { key: 'rankings', flag: 'rankings', icon: <TrophyOutlined /> },
  { key: 'briefings', flag: 'briefings', icon: <FileTextOutlined /> },
  { key: 'nails', flag: 'nails', icon: <PushpinOutlined /> },
  { key: 'hazards', flag: 'hazards', icon: <AlertOutlined /> },
  { key: 'queue', flag: 'hazards.queue', icon: <InboxOutlined />, path: 'hazards/queue' },
  { key: 'sites', flag: 'sites', icon: <ShopOutlined /> },
  { key: 'areas', flag: 'areas', icon: <ApartmentOutlined /> },
  { key: 'imports', flag: 'sites.import', icon: <UploadOutlined /> },
  { key: 'checklists', flag: 'checklists', icon: <OrderedListOutlined /> },
  { key: 'users', flag: 'users', icon: <TeamOutlined /> },
];

export function AppLayout() {
  const { t } = useTranslation();
  const label = useLabels();
  const me = useCurrentUser();
  const location = useLocation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const logout = useLogout();
  const [collapsed, setCollapsed] = useState(false);
  const [passwordOpen, setPasswordOpen] = useState(false);
  // Parties open their SMS links on a phone: below md the side menu becomes a drawer.
  const phone = Grid.useBreakpoint().md === false;
  const [drawerOpen, setDrawerOpen] = useState(false);

  if (!me) return null;
  // Nested entries (the department queue under /hazards) win over their parent section.
  const section = NAV.find((nav) => nav.path && location.pathname.startsWith(`/${nav.path}`))?.key ?? location.pathname.split('/')[1] ?? '';
  const items: MenuProps['items'] = NAV.filter((nav) => me.can[nav.flag]).map((nav) => ({
    key: nav.key,
    icon: nav.icon,
    label: (
      <Link to={`/${nav.path ?? nav.key}`} data-testid={`nav-${nav.key}`}>
        {t(`app.nav.${nav.key}`)}
      </Link>
    ),
  }));

  const onLogout = () =>
    logout.mutate(undefined, {
      onSettled: () => {
        void message.success(t('app.loggedOut'));
        void navigate('/login', { replace: true });
      },
    });

  const roles = me.roles.map((role) => label('role', role)).join(' · ');
  const userMenu: MenuProps['items'] = [
    { key: 'password', icon: <KeyOutlined />, label: t('app.changePassword'), onClick: () => setPasswordOpen(true) },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, label: t('app.logout'), onClick: onLogout },
  ];

  const menu = <Menu theme="dark" mode="inline" selectedKeys={[section]} items={items} onClick={() => setDrawerOpen(false)} />;
  const brand = (showName: boolean) => (
    <div className="ax-brand">
      <BrandMark size={28} />
      {showName && <span>{t('common.appName')}</span>}
    </div>
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {phone ? (
        <Drawer placement="left" open={drawerOpen} onClose={() => setDrawerOpen(false)} size={232} closable={false} styles={{ body: { padding: 0, background: '#001529' } }}>
          {brand(true)}
          {menu}
        </Drawer>
      ) : (
        <Layout.Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} breakpoint="lg" width={208}>
          {brand(!collapsed)}
          {menu}
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header
          style={{
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            boxShadow: '0 1px 4px rgba(0, 21, 41, 0.08)',
            zIndex: 1,
            ...(phone ? { padding: '0 8px' } : {}),
          }}
        >
          {phone ? (
            <Button type="text" icon={<MenuOutlined />} onClick={() => setDrawerOpen(true)} aria-label={t('app.menu')} data-testid="nav-open" />
          ) : (
            <Typography.Text type="secondary">{t('common.tagline')}</Typography.Text>
          )}
          <Space size={phone ? 'small' : 'middle'}>
            <LanguageSwitch />
            <Dropdown menu={{ items: userMenu }} trigger={['click']}>
              <Button type="text" data-testid="user-menu" style={{ height: 48 }}>
                <Space>
                  <Avatar size="small" icon={<UserOutlined />} style={{ background: '#1456a8' }} />
                  <span style={{ display: 'inline-flex', flexDirection: 'column', alignItems: 'flex-start', lineHeight: 1.3 }}>
                    <Typography.Text strong data-testid="user-name">
                      {me.displayName}
                    </Typography.Text>
                    {!phone && (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {roles}
                      </Typography.Text>
                    )}
                  </span>
                  <DownOutlined style={{ fontSize: 10 }} />
                </Space>
              </Button>
            </Dropdown>
            <Button type="text" icon={<LogoutOutlined />} onClick={onLogout} loading={logout.isPending} data-testid="logout" aria-label={t('app.logout')}>
              {!phone && t('app.logout')}
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: phone ? 12 : 24 }}>
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
        <Layout.Footer style={{ textAlign: 'center', color: 'rgba(0,0,0,0.45)', padding: '12px 24px' }}>{t('auth.footer')}</Layout.Footer>
      </Layout>
      <PasswordDialog open={passwordOpen} onClose={() => setPasswordOpen(false)} />
    </Layout>
  );
}
