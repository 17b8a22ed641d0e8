import { lazy, Suspense } from 'react';
import { ConfigProvider } from 'antd-mobile';
import enUS from 'antd-mobile/es/locales/en-US';
import zhCN from 'antd-mobile/es/locales/zh-CN';
import { Navigate, Outlet, Route, Routes, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../features/auth/api.ts';
import { registerMobileStrings } from './locales.ts';
import { isEnglish } from './errors.ts';
import { Failure, Loading } from './components/Status.tsx';
import LoginPage from './pages/LoginPage.tsx';
import HomePage from './pages/HomePage.tsx';
import SitePage from './pages/SitePage.tsx';
import './mobile.css';

registerMobileStrings();

// The form screens are the heavy part; they load when a site is opened (SitePage preloads them).
const InspectPage = lazy(() => import('./pages/InspectPage.tsx'));
const ReinspectPage = lazy(() => import('./pages/ReinspectPage.tsx'));

/** Every /m screen but the login needs a session; the draft in sessionStorage survives the detour. */
function RequireSession() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Loading />;
  if (me.isError) return <Failure error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) return <Navigate to="/m/login" replace state={{ from: location.pathname + location.search }} />;
  return <Outlet />;
}

/** The inspector's phone app, mounted by the desktop router at /m/* and loaded only there. */
export default function MobileApp() {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider locale={isEnglish(i18n.language) ? enUS : zhCN}>
      <div className="axm-app">
        <Suspense fallback={<Loading />}>
          <Routes>
            <Route path="login" element={<LoginPage />} />
            <Route element={<RequireSession />}>
              <Route index element={<HomePage />} />
              <Route path="sites/:id" element={<SitePage />} />
              <Route path="sites/:id/inspect" element={<InspectPage />} />
              <Route path="sites/:id/reinspect" element={<ReinspectPage />} />
              <Route path="*" element={<Navigate to="/m" replace />} />
            </Route>
          </Routes>
        </Suspense>
      </div>
    </ConfigProvider>
  );
}
