import { Card, Col, Row, Statistic } from 'antd';
import { AlertOutlined, ClockCircleOutlined, FileSearchOutlined, WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { HazardFilters } from './api.ts';
import { useHazards } from './api.ts';
import type { Page } from '../../app/api.ts';
import { countText } from '../exports/paging.ts';

/** Head-line counts for the current filters: one cheap count query each (page size 1). */
export function HazardStats({ filters, total }: { filters: HazardFilters; total: string | undefined }) {
  const { t } = useTranslation();
  const base = { ...filters, page: 1, pageSize: 1, sort: undefined };
  const overdue = useHazards({ ...base, overdue: 'true' }, filters.overdue !== 'false');
  const major = useHazards({ ...base, level: 'major' }, filters.level !== 'general');
  const pending = useHazards({ ...base, status: 'pending_review' }, !filters.status || filters.status === 'pending_review');

  // Counts stop at 10,000 ("10,000+"), like the lists.
  const value = (page: Page<unknown> | undefined, enabled: boolean) => (enabled ? countText(page) : '0');
  const items = [
    { key: 'total', title: t('hazards.stats.total'), value: total, icon: <FileSearchOutlined />, colour: '#1456a8' },
    { key: 'overdue', title: t('hazards.stats.overdue'), value: value(overdue.data, filters.overdue !== 'false'), icon: <ClockCircleOutlined />, colour: '#cf1322' },
    { key: 'major', title: t('hazards.stats.major'), value: value(major.data, filters.level !== 'general'), icon: <WarningOutlined />, colour: '#d4380d' },
    {
      key: 'pending',
      title: t('hazards.stats.pendingReview'),
      value: value(pending.data, !filters.status || filters.status === 'pending_review'),
      icon: <AlertOutlined />,
      colour: '#0958d9',
    },
  ];

  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }} data-testid="hazard-stats">
      {items.map((item) => (
        <Col key={item.key} xs={12} lg={6}>
          <Card size="small">
            <Statistic
              title={item.title}
              value={item.value ?? '—'}
              prefix={<span style={{ color: item.colour, marginInlineEnd: 4 }}>{item.icon}</span>}
              styles={{ content: { color: item.key === 'overdue' && item.value && item.value !== '0' ? item.colour : undefined } }}
              data-testid={`hazard-stat-${item.key}`}
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
