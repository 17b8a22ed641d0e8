import { useCallback } from 'react';
import { Empty, List, Table, Tag, Tooltip, Typography } from 'antd';
import { InfoCircleOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ActivityItem, BreakdownKind, BreakdownRow, Dashboard, OverdueHazard } from '@anxun/contracts';
import { isEnglish } from '../../app/errors.ts';
import { useLabels } from '../../app/labels.ts';
import { ColourTag } from '../../app/components/tags.tsx';
import { isRate, KPI_KEYS, useDefinition, useKpiText, type KpiKey } from './figures.ts';

const KPI_ACCENT: Partial<Record<KpiKey, string>> = { hazardsOverdue: '#cf1322', openMajorHazards: '#d4380d', closeOutRate: '#389e0d', inspectionRate: '#1456a8' };
/** Lighter tones for the dark wall, where the page colours would not read from across the room. */
const KPI_ACCENT_DARK: Partial<Record<KpiKey, string>> = { hazardsOverdue: '#ff4d4f', openMajorHazards: '#ff7a45', closeOutRate: '#73d13d', inspectionRate: '#69b1ff' };

/** The eight KPI cards; each label carries the figure's definition as its tooltip. */
export function KpiCards({ dashboard, big }: { dashboard: Dashboard | undefined; big?: boolean }) {
  const { t } = useTranslation();
  const define = useDefinition(dashboard);
  const text = useKpiText();
  return (
    <div className={big ? 'ax-dash-kpis ax-dash-kpis-big' : 'ax-dash-kpis'} data-testid="kpi-cards">
      {KPI_KEYS.map((key) => {
        const alarm = (key === 'hazardsOverdue' || key === 'openMajorHazards') && (dashboard?.kpis[key] ?? 0) > 0;
        return (
          <div key={key} className="ax-dash-kpi" data-testid={`kpi-${key}`}>
            <Tooltip title={define(key)} placement="bottom">
              <div className="ax-dash-kpi-label">
                {t(`dashboard.kpi.${key}`)} <InfoCircleOutlined aria-label={define(key)} />
              </div>
            </Tooltip>
            <div className="ax-dash-kpi-value" style={{ color: alarm || isRate(key) ? (big ? KPI_ACCENT_DARK : KPI_ACCENT)[key] : undefined }} data-testid={`kpi-${key}-value`}>
              {text(key, dashboard?.kpis)}
            </div>
          </div>
        );
      })}
    </div>
  );
}

/** A breakdown unit's name in the UI language: enum labels for kinds and domains, stored names otherwise. */
export function useBreakdownName(by: BreakdownKind) {
  const { t, i18n } = useTranslation();
  const label = useLabels();
  const english = isEnglish(i18n.language);
  return useCallback(
    (row: BreakdownRow) => {
      if (row.key !== null && by === 'kind') return label('siteKind', row.key);
      if (row.key !== null && by === 'domain') return t(`checklists.domain.${row.key}`, { defaultValue: row.name });
      return english ? row.nameEn : row.name;
    },
    [by, english, label, t],
  );
}

export function OverdueTable({ items, big }: { items: OverdueHazard[]; big?: boolean }) {
  const { t } = useTranslation();
  return (
    <Table<OverdueHazard>
      rowKey="hazardId"
      size={big ? 'middle' : 'small'}
      pagination={false}
      dataSource={items}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboard.overdue.empty')} /> }}
      data-testid="overdue-table"
      columns={[
        {
          title: t('dashboard.overdue.site'),
          dataIndex: 'siteName',
          ellipsis: true,
          render: (name: string, row) => (
            <Link to={`/sites/${row.siteId}`}>
              {name}
              <Typography.Text type="secondary" style={{ marginInlineStart: 6, fontSize: '0.85em' }}>
                {row.areaName}
              </Typography.Text>
            </Link>
          ),
        },
        {
          title: t('dashboard.overdue.description'),
          dataIndex: 'description',
          ellipsis: true,
          render: (text: string, row) => (
            <Link to={`/hazards/${row.hazardId}`} data-testid="overdue-hazard-link">
              {row.level === 'major' && <Tag color="red">{t('hazards.enum.hazardLevel.major')}</Tag>}
              {text}
            </Link>
          ),
        },
        { title: t('dashboard.overdue.department'), dataIndex: 'departmentName', width: big ? 140 : 110, ellipsis: true },
        { title: t('dashboard.overdue.deadline'), dataIndex: 'deadline', width: big ? 140 : 110 },
        {
          title: t('dashboard.overdue.days'),
          dataIndex: 'daysOverdue',
          width: big ? 120 : 90,
          align: 'right',
          render: (days: number) => <Typography.Text type="danger" strong>{t('dashboard.overdue.daysValue', { count: days })}</Typography.Text>,
        },
      ]}
    />
  );
}

const ACTIVITY_COLOUR: Record<ActivityItem['kind'], string> = {
  inspection: 'blue',
  reinspection: 'geekblue',
  hazard_found: 'volcano',
  hazard_closed: 'green',
  colour_changed: 'default',
  yellow_card_issued: 'gold',
  yellow_card_resolved: 'cyan',
  suspended: 'magenta',
  suspension_lifted: 'lime',
};

function activityLink(item: ActivityItem): string {
  if (item.kind === 'hazard_found' || item.kind === 'hazard_closed') return `/hazards/${item.refId}`;
  if (item.kind === 'inspection' || item.kind === 'reinspection') return `/inspections/${item.refId}`;
  return `/sites/${item.siteId}`;
}

export function ActivityFeed({ items, big }: { items: ActivityItem[]; big?: boolean }) {
  const { t } = useTranslation();
  const time = (iso: string) => new Date(iso).toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Shanghai' });
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboard.activity.empty')} />;
  return (
    <List
      size={big ? 'default' : 'small'}
      dataSource={items}
      data-testid="activity-feed"
      renderItem={(item) => (
        <List.Item key={`${item.kind}:${item.refId}`} className="ax-dash-activity">
          <span className="ax-dash-activity-time">{time(item.at)}</span>
          <Tag color={ACTIVITY_COLOUR[item.kind]}>{t(`dashboard.activity.kind.${item.kind}`)}</Tag>
          {item.kind === 'colour_changed' && item.colour && <ColourTag colour={item.colour} />}
          <Link to={activityLink(item)} className="ax-dash-activity-text">
            {item.siteName}
            {item.text && <Typography.Text type="secondary"> · {item.text}</Typography.Text>}
          </Link>
        </List.Item>
      )}
    />
  );
}
