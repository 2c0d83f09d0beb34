// The desktop menu's icons, by path (routes.tsx has the entries): apart from the route table, which
// the entry chunk carries, so that only the desktop shell downloads them (the teacher's phone bar has
// its own two, MobileBar.tsx).
import type { ReactNode } from 'react';
import {
  ApartmentOutlined,
  ApiOutlined,
  AuditOutlined,
  BankOutlined,
  CalendarOutlined,
  DashboardOutlined,
  EnvironmentOutlined,
  FileSearchOutlined,
  FlagOutlined,
  FundOutlined,
  HistoryOutlined,
  HomeOutlined,
  IdcardOutlined,
  ImportOutlined,
  ReadOutlined,
  ReconciliationOutlined,
  ScheduleOutlined,
  SendOutlined,
  SolutionOutlined,
  SwapOutlined,
  TeamOutlined,
  TrophyOutlined,
  UserOutlined,
  UserSwitchOutlined,
  UsergroupAddOutlined,
} from '@ant-design/icons';
import type { MenuPath } from './routes';

export const MENU_ICONS: Record<MenuPath, ReactNode> = {
  '/dashboard': <DashboardOutlined />,
  '/school': <HomeOutlined />,
  '/agreements': <SolutionOutlined />,
  '/meetings': <CalendarOutlined />,
  '/compliance/meetings': <AuditOutlined />,
  '/rotations': <SwapOutlined />,
  '/needs': <FileSearchOutlined />,
  '/planning/supply': <UsergroupAddOutlined />,
  '/planning': <ApartmentOutlined />,
  '/rotations/roster': <UserSwitchOutlined />,
  '/compliance/rotations': <FundOutlined />,
  '/reports/service-records': <ReconciliationOutlined />,
  '/reports/bulletin': <ReadOutlined />,
  '/assessments': <TrophyOutlined />,
  '/calendar': <ScheduleOutlined />,
  '/programmes': <FlagOutlined />,
  '/schools': <BankOutlined />,
  '/teachers': <TeamOutlined />,
  '/users': <IdcardOutlined />,
  '/imports': <ImportOutlined />,
  '/integrations': <ApiOutlined />,
  '/webhooks': <SendOutlined />,
  '/audit': <HistoryOutlined />,
  '/my': <EnvironmentOutlined />,
  '/profile': <UserOutlined />,
};

/** The icon of the menu entry at `path` (none for a path without one). */
export function menuIcon(path: string): ReactNode {
  return (MENU_ICONS as Partial<Record<string, ReactNode>>)[path] ?? null;
}
