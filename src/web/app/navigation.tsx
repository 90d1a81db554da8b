// The admin side menu: one entry per area, keyed by route path.
import {
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  CalendarOutlined,
  DashboardOutlined,
  DesktopOutlined,
  FileProtectOutlined,
  LaptopOutlined,
  ShopOutlined,
  SolutionOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { ParseKeys } from 'i18next';
import type { Action } from './permissions';

export interface NavItem {
  path: string;
  /** Used for data-testid="nav-<id>". */
  id: string;
  labelKey: ParseKeys;
  /** Shown only to users who may do this. */
  action: Action;
  icon: ReactNode;
}

export const NAV_ITEMS: NavItem[] = [
  { path: '/admin', id: 'overview', labelKey: 'nav.overview', action: 'hall.read', icon: <DashboardOutlined /> },
  { path: '/admin/halls', id: 'halls', labelKey: 'nav.halls', action: 'hall.read', icon: <BankOutlined /> },
  { path: '/admin/services', id: 'services', labelKey: 'nav.services', action: 'catalog.read', icon: <SolutionOutlined /> },
  { path: '/admin/windows', id: 'windows', labelKey: 'nav.windows', action: 'windows.read', icon: <ShopOutlined /> },
  { path: '/admin/users', id: 'users', labelKey: 'nav.users', action: 'users.read', icon: <TeamOutlined /> },
  { path: '/admin/devices', id: 'devices', labelKey: 'nav.devices', action: 'devices.read', icon: <DesktopOutlined /> },
  { path: '/admin/calendar', id: 'calendar', labelKey: 'nav.calendar', action: 'calendar.read', icon: <CalendarOutlined /> },
  { path: '/admin/audit', id: 'audit', labelKey: 'nav.audit', action: 'audit.read', icon: <AuditOutlined /> },
  { path: '/admin/cases', id: 'cases', labelKey: 'cases.nav', action: 'cases.read', icon: <FileProtectOutlined /> },
  { path: '/admin/reports', id: 'reports', labelKey: 'reports.nav', action: 'reports.read', icon: <BarChartOutlined /> },
  // Leaves the admin layout for the full-screen window console.
  { path: '/console', id: 'console', labelKey: 'nav.console', action: 'queue.operate', icon: <LaptopOutlined /> },
];

/** The menu key for a location: the longest nav path that prefixes it. */
export function activeNavPath(pathname: string): string {
  const match = NAV_ITEMS.filter((item) => pathname === item.path || pathname.startsWith(`${item.path}/`)).sort(
    (a, b) => b.path.length - a.path.length,
  )[0];
  return match?.path ?? '/admin';
}
