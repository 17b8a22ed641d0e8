import { lazy, Suspense, useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Card, Col, Row, Select, Space, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { RISK_LEVELS, SITE_COLOURS, SITE_KINDS, type SiteColour } from '@anxun/contracts';
import { AreaTreeSelect } from '../../app/components/AreaTreeSelect.tsx';
import { ColourDot } from '../../app/components/tags.tsx';
import { PageLoading } from '../../app/components/Status.tsx';
import { useEnumOptions, useLabels } from '../../app/labels.ts';
import { filtersOf, mapKeys, OVERVIEW, overviewFilters, prefetchView, useClusters, useMapAreas, useMapConfig, useMapOptions, type FILTER_KEYS } from './api.ts';
import { fittedView, rememberFrame, sameView, type Viewport } from './view.ts';
import { SiteCardDrawer } from './SiteCardDrawer.tsx';
import { useColourEvents } from './useColourEvents.ts';
import './map.css';

// Fetched with the page, not when the map first renders: MapLibre is the largest chunk.
const loadOneMap = () => import('./OneMap.tsx');
void loadOneMap();
const OneMap = lazy(loadOneMap);

/** 一张图: every site in the viewer's scope in its colour, clustered by the server, live. */
export default function MapPage() {
  const { t } = useTranslation();
  const label = useLabels();
  const options = useEnumOptions();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersOf(params), [params]);
  const [view, setView] = useState<Viewport | null>(null);
  const selected = params.get('site');
  const config = useMapConfig();
  const choices = useMapOptions();
  const clusters = useClusters(filters, view);
  const overview = useClusters(overviewFilters(filters), OVERVIEW);
  const areas = useMapAreas(view);
  const queryClient = useQueryClient();
  // A view the same as the one asked for (the map's first report, when the page foresaw it) changes nothing.
  const asked = useRef<Viewport | null>(null);
  const onViewport = useCallback(
    (next: Viewport) => {
      if (sameView(asked.current, next)) return;
      asked.current = next;
      prefetchView(queryClient, filters, next);
      setView(next);
    },
    [queryClient, filters],
  );

  const update = useCallback(
    (change: Partial<Record<(typeof FILTER_KEYS)[number] | 'colours' | 'site', string | undefined>>) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [key, value] of Object.entries(change)) {
            if (value) next.set(key, value);
            else next.delete(key);
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  // Fit once per set of filters. The bounds come from the overview, asked for at once, so the map is
  // built already fitted and its first viewport request is the one it draws.
  const filterKey = JSON.stringify({ ...filters, colours: undefined });
  const [fit, setFit] = useState<{ key: string; bounds: [number, number, number, number] } | null>(null);
  const bounds = overview.data?.bounds;
  if (bounds && !overview.isPlaceholderData && fit?.key !== filterKey) setFit({ key: filterKey, bounds });

  // The first view is foreseen from the bounds and the frame's size, before MapLibre has loaded, and
  // the map is built once its answer is in: built sooner, it spends frames on an empty map, and
  // each frame holds up the answer. With no bounds (no located sites) the map is built at once.
  const frame = useRef<HTMLDivElement>(null);
  const [building, setBuilding] = useState(false);
  useLayoutEffect(() => {
    if (view || building || !fit || !config.data || !frame.current) return;
    const { clientWidth, clientHeight } = frame.current;
    rememberFrame(clientWidth, clientHeight);
    const foreseen = fittedView(fit.bounds, clientWidth, clientHeight, config.data.crs);
    if (foreseen) onViewport(foreseen);
    else setBuilding(true);
  }, [view, building, fit, config.data, onViewport]);
  const answered = !!view && clusters.isFetched && areas.isFetched;
  if (!building && config.data && overview.isFetched && (!bounds || answered)) setBuilding(true);

  // A colour change refetches the viewport and the open card; bursts (a sweep) coalesce into one refetch.
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useColourEvents((event) => {
    if (event.siteId === selected) void queryClient.invalidateQueries({ queryKey: mapKeys.card(event.siteId) });
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      void queryClient.invalidateQueries({ queryKey: ['map', 'clusters'] });
    }, 300);
  });

  const campaign = choices.data?.campaigns.find((c) => c.id === filters.campaignId);
  const legend = clusters.data?.legend ?? overview.data?.legend;
  const shown = new Set(filters.colours ?? SITE_COLOURS);
  const toggleColour = (colour: SiteColour) => {
    const next = SITE_COLOURS.filter((c) => (c === colour ? !shown.has(c) : shown.has(c)));
    update({ colours: next.length === SITE_COLOURS.length || next.length === 0 ? undefined : next.join(',') });
  };
  const total = legend ? SITE_COLOURS.reduce((sum, c) => sum + legend[c], 0) : 0;

  return (
    <div className="ax-map-page">
      <Row gutter={[8, 8]} style={{ marginBottom: 12 }} align="middle">
        <Col xs={24} md={8} xl={5}>
          <AreaTreeSelect value={filters.areaId} onChange={(v) => update({ areaId: typeof v === 'string' ? v : undefined })} placeholder={t('map.filters.area')} style={{ width: '100%' }} />
        </Col>
        <Col xs={12} md={4} xl={3}>
          <Select allowClear style={{ width: '100%' }} placeholder={t('map.filters.kind')} value={filters.kind} onChange={(kind) => update({ kind })} options={options('siteKind', SITE_KINDS)} data-testid="map-filter-kind" />
        </Col>
        <Col xs={12} md={4} xl={3}>
          <Select allowClear style={{ width: '100%' }} placeholder={t('map.filters.risk')} value={filters.riskLevel} onChange={(riskLevel) => update({ riskLevel })} options={options('risk', RISK_LEVELS)} />
        </Col>
        <Col xs={12} md={4} xl={3}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: '100%' }}
            placeholder={t('map.filters.department')}
            value={filters.departmentId}
            onChange={(departmentId) => update({ departmentId })}
            options={choices.data?.departments.map((d) => ({ value: d.id, label: d.name }))}
          />
        </Col>
        <Col xs={12} md={4} xl={4}>
          <Select
            allowClear
            style={{ width: '100%' }}
            placeholder={t('map.filters.campaign')}
            value={filters.campaignId}
            onChange={(campaignId) => update({ campaignId, squadId: undefined })}
            options={choices.data?.campaigns.map((c) => ({ value: c.id, label: c.name }))}
          />
        </Col>
        <Col xs={12} md={4} xl={3}>
          <Select
            allowClear
            disabled={!campaign}
            style={{ width: '100%' }}
            placeholder={t('map.filters.squad')}
            value={filters.squadId}
            onChange={(squadId) => update({ squadId })}
            options={campaign?.squads.map((s) => ({ value: s.id, label: s.name }))}
          />
        </Col>
      </Row>
      <div className="ax-map-body">
        <div className="ax-map-frame" ref={frame}>
          {config.data && building ? (
            <Suspense fallback={<PageLoading />}>
              <OneMap config={config.data} data={clusters.data} areas={areas.data} fit={fit} onViewport={onViewport} onPin={(site) => update({ site })} />
            </Suspense>
          ) : (
            <PageLoading />
          )}
        </div>
        <Card size="small" className="ax-map-side" title={t('map.legend')} data-testid="map-legend">
          <Space orientation="vertical" size={2} style={{ width: '100%' }}>
            {SITE_COLOURS.map((colour) => (
              <div
                key={colour}
                role="checkbox"
                aria-checked={shown.has(colour)}
                tabIndex={0}
                className={`ax-map-legend-item${shown.has(colour) ? '' : ' off'}`}
                onClick={() => toggleColour(colour)}
                onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && toggleColour(colour)}
                data-testid={`legend-${colour}`}
              >
                <span>
                  <ColourDot colour={colour} />
                  {label('colour', colour)}
                </span>
                <Typography.Text strong data-testid={`legend-count-${colour}`}>
                  {legend ? legend[colour].toLocaleString() : '–'}
                </Typography.Text>
              </div>
            ))}
            <Typography.Text type="secondary" style={{ padding: '6px 8px' }}>
              {t('map.total', { count: total })}
              {clusters.data?.unlocated ? ` · ${t('map.unlocated', { count: clusters.data.unlocated })}` : ''}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ padding: '0 8px', fontSize: 12 }}>
              {t('map.legendHint')}
            </Typography.Text>
          </Space>
        </Card>
      </div>
      <SiteCardDrawer siteId={selected} onClose={() => update({ site: undefined })} />
    </div>
  );
}
