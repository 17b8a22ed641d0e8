import { useEffect, useRef, useState } from 'react';
import { Button, SearchBar } from 'antd-mobile';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLogout } from '../../features/auth/api.ts';
import { setLanguage } from '../../app/i18n.ts';
import { useNearbySites, useSiteList } from '../api.ts';
import type { MobileSite } from '../api.ts';
import { distanceM, useGps } from '../geo.ts';
import type { GpsFix } from '../draft.ts';
import { isEnglish } from '../errors.ts';
import { MPage } from '../components/MPage.tsx';
import { SiteCard } from '../components/SiteCard.tsx';
import { GpsLine } from '../components/GpsLine.tsx';
import { TabBar } from '../components/TabBar.tsx';
import { confirm } from '../components/feedback.ts';
import { Empty, Failure, Loading } from '../components/Status.tsx';

type Tab = 'nearby' | 'all' | 'search';
const TABS: Tab[] = ['nearby', 'all', 'search'];

function distanceOf(site: MobileSite, fix: GpsFix | null): number | null {
  if (typeof site.distanceM === 'number') return site.distanceM;
  return fix && site.location ? distanceM(fix, site.location) : null;
}

/** `sortByDistance`: the nearby list, in case the server's order is not by distance already. */
function SiteCards({ sites, fix, sortByDistance = false }: { sites: MobileSite[]; fix: GpsFix | null; sortByDistance?: boolean }) {
  const rows = sites.map((site) => ({ site, distance: distanceOf(site, fix) }));
  if (sortByDistance) rows.sort((a, b) => (a.distance ?? Infinity) - (b.distance ?? Infinity));
  return rows.map(({ site, distance }) => <SiteCard key={site.id} site={site} distanceM={distance} />);
}

function Nearby() {
  const { t } = useTranslation();
  const gps = useGps({ goodEnoughM: 50 });
  const sites = useNearbySites(gps.fix);
  if (gps.state.status === 'error' && !gps.fix)
    return (
      <Empty>
        <div>{t(`mobile.gps.${gps.state.reason}`)}</div>
        <div>{t('mobile.gps.nearbyFallback')}</div>
        <Button color="primary" fill="outline" onClick={gps.retry}>
          {t('mobile.gps.retry')}
        </Button>
      </Empty>
    );
  if (!gps.fix) return <Loading />;
  return (
    <>
      <div className="axm-gps-line">
        <GpsLine state={gps.state} onRetry={gps.retry} />
        <button type="button" className="axm-link" onClick={gps.retry}>
          {t('mobile.home.refresh')}
        </button>
      </div>
      {sites.isPending ? (
        <Loading />
      ) : sites.isError ? (
        <Failure error={sites.error} onRetry={() => void sites.refetch()} />
      ) : sites.data.items.length === 0 ? (
        <Empty>{t('mobile.home.empty')}</Empty>
      ) : (
        <SiteCards sites={sites.data.items} fix={gps.fix} sortByDistance />
      )}
    </>
  );
}

/** Loads the next page when the end of the list scrolls into view; the button is the fallback. */
function Paged({ q }: { q: string }) {
  const { t } = useTranslation();
  const list = useSiteList(q);
  const sentinel = useRef<HTMLDivElement>(null);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;

  useEffect(() => {
    const node = sentinel.current;
    if (!node || !hasNextPage || typeof IntersectionObserver !== 'function') return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting) && !isFetchingNextPage) void fetchNextPage();
    }, { rootMargin: '200px' });
    observer.observe(node);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  if (list.isPending) return <Loading />;
  if (list.isError) return <Failure error={list.error} onRetry={() => void list.refetch()} />;
  const sites = list.data.pages.flatMap((page) => page.items);
  const total = list.data.pages[0]?.total ?? 0;
  if (sites.length === 0) return <Empty>{q ? t('mobile.home.noMatch') : t('mobile.home.empty')}</Empty>;
  return (
    <>
      <div className="axm-gps-line">{t('mobile.home.total', { count: total })}</div>
      <SiteCards sites={sites} fix={null} />
      <div className="axm-more" ref={sentinel}>
        {hasNextPage ? (
          <Button size="small" fill="none" color="primary" loading={isFetchingNextPage} onClick={() => void fetchNextPage()}>
            {t('mobile.home.loadMore')}
          </Button>
        ) : (
          t('mobile.home.noMore')
        )}
      </div>
    </>
  );
}

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

export default function HomePage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const logout = useLogout();
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.find((name) => name === params.get('tab')) ?? 'nearby';
  const [text, setText] = useState(params.get('q') ?? '');
  const q = useDebounced(text.trim(), 350);

  // The tab and the query live in the URL, so "back" from a site returns to the same list.
  useEffect(() => {
    if (tab !== 'search' || (params.get('q') ?? '') === q) return;
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (q) next.set('q', q);
      else next.delete('q');
      return next;
    }, { replace: true });
  }, [q, tab, params, setParams]);

  const switchTab = (key: string) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      next.set('tab', key);
      return next;
    }, { replace: true });

  const confirmLogout = async () => {
    if (!(await confirm(t('mobile.home.logoutConfirm')))) return;
    logout.mutate(undefined, { onSettled: () => void navigate('/m/login', { replace: true }) });
  };

  return (
    <MPage
      title={t('mobile.home.title')}
      right={
        <>
          <button type="button" className="axm-link" onClick={() => setLanguage(isEnglish(i18n.language) ? 'zh' : 'en')}>
            {t('mobile.language')}
          </button>
          <button type="button" className="axm-link" onClick={() => void confirmLogout()} data-testid="m-logout">
            {t('mobile.home.logout')}
          </button>
        </>
      }
      sub={
        <div className="axm-tabs">
          <TabBar tabs={TABS.map((key) => ({ key, title: t(`mobile.home.tabs.${key}`) }))} active={tab} onChange={switchTab} />
          {tab === 'search' && (
            <div className="axm-search">
              <SearchBar value={text} onChange={setText} placeholder={t('mobile.home.searchPlaceholder')} autoFocus={!text} data-testid="m-search" />
            </div>
          )}
        </div>
      }
    >
      {tab === 'nearby' && <Nearby />}
      {tab === 'all' && <Paged q="" />}
      {tab === 'search' && (q ? <Paged q={q} /> : <Empty>{t('mobile.home.searchHint')}</Empty>)}
    </MPage>
  );
}
