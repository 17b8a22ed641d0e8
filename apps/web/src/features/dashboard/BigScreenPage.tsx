import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { ConfigProvider, theme } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { BreakdownKind } from '@anxun/contracts';
import { useActivity, useBreakdown, useDashboard, useDashboardLive, useOverdue, useTrend } from './api.ts';
import { BreakdownChart, ColourChart, TrendChart } from './charts.tsx';
import { useDefinition } from './figures.ts';
import { ActivityFeed, KpiCards, OverdueTable, useBreakdownName } from './widgets.tsx';
import { useDashboardFilters } from './filters.ts';
import './dashboard.css';

const WIDTH = 1920;
const HEIGHT = 1080;
/** The breakdown panel cycles through its views so the wall shows all of them without a mouse. */
const ROTATE_MS = 20_000;
/** A wall screen must also recover when the live stream silently stops. */
const FALLBACK_REFRESH_MS = 60_000;

/** Scale factor that fits the 1920×1080 canvas into the window, letterboxed. */
function useFit() {
  const fit = () => Math.min(window.innerWidth / WIDTH, window.innerHeight / HEIGHT);
  const [scale, setScale] = useState(fit);
  useEffect(() => {
    const onResize = () => setScale(fit());
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return scale;
}

function useClock() {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

function Panel({ title, hint, children, className }: { title: string; hint?: string; children: ReactNode; className?: string }) {
  return (
    <section className={`ax-screen-panel ${className ?? ''}`} title={hint}>
      <h2>{title}</h2>
      <div className="ax-screen-panel-body">{children}</div>
    </section>
  );
}

/** 指挥大屏: the dashboard for a command-room wall — 1920×1080, dark, no app chrome, refreshes itself. */
export default function BigScreenPage() {
  const { t } = useTranslation();
  const [filters] = useDashboardFilters();
  const scale = useFit();
  const now = useClock();
  const views: BreakdownKind[] = filters.campaignId ? ['village', 'squad', 'department', 'domain', 'kind'] : ['village', 'department', 'domain', 'kind'];
  const [view, setView] = useState(0);
  useEffect(() => {
    const timer = window.setInterval(() => setView((v) => v + 1), ROTATE_MS);
    return () => window.clearInterval(timer);
  }, []);
  const by = views[view % views.length]!;
  const dashboard = useDashboard(filters);
  const trend = useTrend(filters, 30);
  const breakdown = useBreakdown(filters, by);
  const overdue = useOverdue(filters, 5);
  const activity = useActivity(filters, 12);
  const define = useDefinition(dashboard.data);
  const unitName = useBreakdownName(by);
  useDashboardLive(filters, FALLBACK_REFRESH_MS);

  const data = dashboard.data;
  const scope = [data?.campaign?.name, data?.area?.name].filter(Boolean).join(' · ');
  const period = data?.period.from ? t('dashboard.period', { from: data.period.from, to: data.period.to }) : t('dashboard.allTime');
  return (
    <ConfigProvider theme={{ algorithm: theme.darkAlgorithm, token: { fontSize: 18, colorBgContainer: 'transparent' } }}>
      <div className="ax-screen-viewport">
        <div className="ax-screen" style={{ width: WIDTH, height: HEIGHT, transform: `scale(${scale})` }} data-testid="big-screen">
          <header className="ax-screen-header">
            <div className="ax-screen-scope">
              {scope || t('dashboard.screen.scope')}
              <small>{period}</small>
            </div>
            <h1>{t('dashboard.screen.title')}</h1>
            <div className="ax-screen-clock">
              {now.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })}
              <Link to={`/dashboard${window.location.search}`} className="ax-screen-exit">
                {t('dashboard.screen.exit')}
              </Link>
            </div>
          </header>
          <KpiCards dashboard={data} big />
          <div className="ax-screen-row ax-screen-row-charts">
            <Panel title={t('dashboard.colours.title')} hint={define('sitesByColour')}>
              {data && <ColourChart colours={data.sitesByColour} dark height={340} />}
            </Panel>
            <Panel title={t('dashboard.trend.title', { days: 30 })} hint={define('dailyTrend')} className="ax-screen-wide">
              {trend.data && <TrendChart days={trend.data.days} dark height={340} />}
            </Panel>
            <Panel title={`${t('dashboard.breakdown.title')} · ${t(`dashboard.breakdown.by.${by}`)}`}>
              {breakdown.data && <BreakdownChart rows={breakdown.data.rows} name={unitName} dark height={340} />}
            </Panel>
          </div>
          <div className="ax-screen-row ax-screen-row-lists">
            <Panel title={`${t('dashboard.overdue.title')}${overdue.data ? ` · ${t('dashboard.overdue.total', { count: overdue.data.total })}` : ''}`} hint={define('daysOverdue')} className="ax-screen-wide">
              <OverdueTable items={overdue.data?.items ?? []} big />
            </Panel>
            <Panel title={t('dashboard.activity.title')}>
              <ActivityFeed items={activity.data?.items ?? []} big />
            </Panel>
          </div>
        </div>
      </div>
    </ConfigProvider>
  );
}
