// Routes. Every admin page is its own lazily loaded chunk.
import { lazy } from 'react';
import { createBrowserRouter, Navigate, Outlet } from 'react-router-dom';
import { AdminLayout } from './AdminLayout';
import { AuthProvider } from './AuthContext';
import { NotFoundPage } from './NotFoundPage';
import { RequireAuth } from './RequireAuth';
import { RequirePermission } from './RequirePermission';

const LoginPage = lazy(() => import('../login/LoginPage'));
const OverviewPage = lazy(() => import('../admin/overview/OverviewPage'));
const HallsPage = lazy(() => import('../admin/halls/HallsPage'));
const ServicesPage = lazy(() => import('../admin/services/ServicesPage'));
const WindowsPage = lazy(() => import('../admin/windows/WindowsPage'));
const UsersPage = lazy(() => import('../admin/users/UsersPage'));
const DevicesPage = lazy(() => import('../admin/devices/DevicesPage'));
const CalendarPage = lazy(() => import('../admin/calendar/CalendarPage'));
const AuditPage = lazy(() => import('../admin/audit/AuditPage'));
const ConsolePage = lazy(() => import('../console/ConsolePage'));
const BoardPage = lazy(() => import('../board/BoardPage'));
const KioskPage = lazy(() => import('../kiosk/KioskPage'));
const TrackPage = lazy(() => import('../track/TrackPage'));
const GuideHallsPage = lazy(() => import('../guide/GuideHallsPage'));
const GuideListPage = lazy(() => import('../guide/GuideListPage'));
const GuideItemPage = lazy(() => import('../guide/GuideItemPage'));
const CaseTrackPage = lazy(() => import('../cases/track/CaseTrackPage'));
const CasesPage = lazy(() => import('../admin/cases/CasesPage'));
const ReportsPage = lazy(() => import('../admin/reports/ReportsPage'));

function Root() {
  return (
    <AuthProvider>
      <Outlet />
    </AuthProvider>
  );
}

export const router = createBrowserRouter([
  {
    element: <Root />,
    children: [
      { path: '/', element: <Navigate to="/admin" replace /> },
      { path: '/login', element: <LoginPage /> },
      { path: '/board', element: <BoardPage /> },
      { path: '/console', element: <ConsolePage /> },
      { path: '/kiosk', element: <KioskPage /> },
      { path: '/t/:ticketId', element: <TrackPage /> },
      // The public service guide (办事指南, R-16): no sign-in.
      { path: '/guide', element: <GuideHallsPage /> },
      { path: '/guide/:hallId', element: <GuideListPage /> },
      { path: '/guide/:hallId/:serviceId', element: <GuideItemPage /> },
      { path: '/c/:caseId', element: <CaseTrackPage /> },
      {
        path: '/admin',
        element: (
          <RequireAuth>
            <AdminLayout />
          </RequireAuth>
        ),
        children: [
          { index: true, element: <OverviewPage /> },
          { path: 'halls', element: <RequirePermission action="hall.read"><HallsPage /></RequirePermission> },
          { path: 'services', element: <RequirePermission action="catalog.read"><ServicesPage /></RequirePermission> },
          { path: 'windows', element: <RequirePermission action="windows.read"><WindowsPage /></RequirePermission> },
          { path: 'users', element: <RequirePermission action="users.read"><UsersPage /></RequirePermission> },
          { path: 'devices', element: <RequirePermission action="devices.read"><DevicesPage /></RequirePermission> },
          { path: 'calendar', element: <RequirePermission action="calendar.read"><CalendarPage /></RequirePermission> },
          { path: 'audit', element: <RequirePermission action="audit.read"><AuditPage /></RequirePermission> },
          { path: 'cases', element: <RequirePermission action="cases.read"><CasesPage /></RequirePermission> },
          { path: 'reports', element: <RequirePermission action="reports.read"><ReportsPage /></RequirePermission> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
