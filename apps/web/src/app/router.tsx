import { lazy, Suspense } from 'react';
import type { ReactNode } from 'react';
import { createBrowserRouter, Navigate, useLocation, useRouteError } from 'react-router';
import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { AppLayout } from './layout/AppLayout.tsx';
import { Forbidden, LoadError, NotFound, PageLoading } from './components/Status.tsx';
import { LoginPage } from '../features/auth/LoginPage.tsx';
import { useMe } from '../features/auth/api.ts';
import { useErrorText } from './errors.ts';
import { preloadMap } from '../features/map/api.ts';
import type { QueryClient } from '@tanstack/react-query';

const AreasPage = lazy(() => import('../features/areas/AreasPage.tsx'));
const SitesListPage = lazy(() => import('../features/sites/SitesListPage.tsx'));
const SiteArchivePage = lazy(() => import('../features/sites/SiteArchivePage.tsx'));
const SiteFormPage = lazy(() => import('../features/sites/SiteFormPage.tsx'));
const ImportPage = lazy(() => import('../features/imports/ImportPage.tsx'));
const UsersPage = lazy(() => import('../features/users/UsersPage.tsx'));
const ChecklistsPage = lazy(() => import('../features/checklists/ChecklistsPage.tsx'));
const ChecklistDetailPage = lazy(() => import('../features/checklists/ChecklistDetailPage.tsx'));
/** The inspector's phone app (antd-mobile): its own chunk, never loaded by the desktop pages. */
const MobileApp = lazy(() => import('../mobile/MobileApp.tsx'));
const HazardsPage = lazy(() => import('../features/hazards/HazardsPage.tsx'));
const HazardQueuePage = lazy(() => import('../features/hazards/HazardQueuePage.tsx'));
const HazardDetailPage = lazy(() => import('../features/hazards/HazardDetailPage.tsx'));
const InspectionDetailPage = lazy(() => import('../features/inspections/InspectionDetailPage.tsx'));
const DashboardPage = lazy(() => import('../features/dashboard/DashboardPage.tsx'));
/** The command-room wall: no app chrome, so it sits outside the layout. */
const BigScreenPage = lazy(() => import('../features/dashboard/BigScreenPage.tsx'));
const loadMapPage = () => import('../features/map/MapPage.tsx');
const MapPage = lazy(loadMapPage);
const NailsListPage = lazy(() => import('../features/nails/NailsListPage.tsx'));
const NailAiringPage = lazy(() => import('../features/nails/NailAiringPage.tsx'));
const NailDetailPage = lazy(() => import('../features/nails/NailDetailPage.tsx'));
const CampaignsPage = lazy(() => import('../features/campaigns/CampaignsPage.tsx'));
const CampaignPage = lazy(() => import('../features/campaigns/CampaignPage.tsx'));
const RankingsPage = lazy(() => import('../features/rankings/RankingsPage.tsx'));
const BriefingPage = lazy(() => import('../features/briefings/BriefingPage.tsx'));

/**
 * On a full page load, fetches the page's code and first data alongside the session check rather
 * than after it (render as you fetch). Only the map does so far: it is the page whose first paint
 * is measured (`map_paint_ms`) and where that wait showed.
 */
export function preloadRoute(client: QueryClient, { pathname, search }: { pathname: string; search: string }) {
  if (pathname === '/map') {
    void loadMapPage();
    preloadMap(client, search);
  }
}

function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <PageLoading />;
  if (me.isError) return <LoadError error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return children;
}

/** Hides a page from users whose account lacks the feature (any of the features), even if they type its URL. */
function Feature({ flag, children }: { flag: string | readonly string[]; children: ReactNode }) {
  const me = useMe().data;
  const flags: readonly string[] = typeof flag === 'string' ? [flag] : flag;
  return flags.some((f) => me?.can[f]) ? children : <Forbidden />;
}

function Home() {
  const me = useMe().data;
  // The command centre and town officials start on the dashboard (驾驶舱); everyone else on their lists.
  if (me?.can.dashboard && me.roles.some((r) => r === 'command_centre' || r === 'town')) return <Navigate to="/dashboard" replace />;
  const first = (['sites', 'areas'] as const).find((feature) => me?.can[feature]);
  return first ? <Navigate to={`/${first}`} replace /> : <Forbidden />;
}

function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  const errorText = useErrorText();
  return (
    <Result
      status="error"
      title={t('common.loadFailed')}
      subTitle={errorText(error)}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('common.retry')}
        </Button>
      }
    />
  );
}

const feature = (flag: string | readonly string[], page: ReactNode) => <Feature flag={flag}>{page}</Feature>;

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage />, errorElement: <RouteError /> },
  {
    path: '/m/*',
    element: (
      <Suspense fallback={null}>
        <MobileApp />
      </Suspense>
    ),
    errorElement: <RouteError />,
  },
  {
    path: '/big-screen',
    element: (
      <RequireAuth>
        <Suspense fallback={<PageLoading />}>{feature('dashboard', <BigScreenPage />)}</Suspense>
      </RequireAuth>
    ),
    errorElement: <RouteError />,
  },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    errorElement: <RouteError />,
    children: [
      { index: true, element: <Home /> },
      { path: 'dashboard', element: feature('dashboard', <DashboardPage />) },
      { path: 'areas', element: feature('areas', <AreasPage />) },
      { path: 'sites', element: feature('sites', <SitesListPage />) },
      { path: 'sites/new', element: feature('sites.create', <SiteFormPage />) },
      { path: 'sites/:id', element: feature('sites', <SiteArchivePage />) },
      { path: 'sites/:id/edit', element: feature('sites', <SiteFormPage />) },
      { path: 'imports', element: feature('sites.import', <ImportPage />) },
      { path: 'users', element: feature('users', <UsersPage />) },
      { path: 'checklists', element: feature('checklists', <ChecklistsPage />) },
      { path: 'checklists/:id', element: feature('checklists', <ChecklistDetailPage />) },
      { path: 'hazards', element: feature('hazards', <HazardsPage />) },
      { path: 'hazards/queue', element: feature('hazards.queue', <HazardQueuePage />) },
      { path: 'hazards/:id', element: feature(['hazards', 'hazards.queue'], <HazardDetailPage />) },
      { path: 'inspections/:id', element: feature('sites', <InspectionDetailPage />) },
      { path: 'map', element: feature('map', <MapPage />) },
      { path: 'nails', element: feature('nails', <NailsListPage />) },
      { path: 'nails/airing', element: feature('nails', <NailAiringPage />) },
      { path: 'nails/:id', element: feature('nails', <NailDetailPage />) },
      { path: 'campaigns', element: feature('campaigns', <CampaignsPage />) },
      { path: 'campaigns/:id', element: feature('campaigns', <CampaignPage />) },
      { path: 'rankings', element: feature('rankings', <RankingsPage />) },
      { path: 'briefings', element: feature('briefings', <BriefingPage />) },
      { path: '*', element: <NotFound /> },
    ],
  },
]);
