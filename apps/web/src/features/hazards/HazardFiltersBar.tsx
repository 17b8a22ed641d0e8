import { Button, Col, DatePicker, Row, Select, Space, Switch, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { HAZARD_LEVELS, HAZARD_STATUSES, RECTIFICATION_MODES } from '@anxun/contracts';
import { AreaTreeSelect } from '../../app/components/AreaTreeSelect.tsx';
import { KeywordSearch } from '../../app/components/KeywordSearch.tsx';
import { useCan } from '../auth/api.ts';
import type { HazardFilters } from './api.ts';
import { useHazardOptions } from './labels.ts';
import { useDepartmentName } from './useDepartmentName.ts';

interface Props {
  filters: HazardFilters;
  active: boolean;
  onChange: (change: Partial<HazardFilters>) => void;
  onReset: () => void;
  /** Filters the page fixes itself (the queue fixes department and status). */
  hide?: { department?: boolean; status?: boolean };
}

export function HazardFiltersBar({ filters, active, onChange, onReset, hide = {} }: Props) {
  const { t } = useTranslation();
  const options = useHazardOptions();
  const can = useCan();
  const departments = useDepartmentName();

  const range: [dayjs.Dayjs | null, dayjs.Dayjs | null] | null =
    filters.deadlineFrom || filters.deadlineTo
      ? [filters.deadlineFrom ? dayjs(filters.deadlineFrom) : null, filters.deadlineTo ? dayjs(filters.deadlineTo) : null]
      : null;

  return (
    <Row gutter={[12, 12]} className="ax-filter-bar" style={{ marginBottom: 16 }} data-testid="hazard-filters">
      <Col xs={24} md={12} xl={6}>
        <KeywordSearch value={filters.q} onSearch={(q) => onChange({ q })} placeholder={t('hazards.searchPlaceholder')} testId="hazards-search" />
      </Col>
      {can('areas') && (
        <Col xs={24} md={12} xl={5}>
          <AreaTreeSelect
            value={filters.areaId}
            onChange={(areaId) => onChange({ areaId: typeof areaId === 'string' ? areaId : undefined })}
            placeholder={t('hazards.areaPlaceholder')}
          />
        </Col>
      )}
      {!hide.department && (
        <Col xs={12} md={6} xl={4}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: '100%' }}
            placeholder={t('hazards.fields.department')}
            loading={departments.loading}
            value={filters.departmentId}
            onChange={(departmentId) => onChange({ departmentId })}
            options={departments.options}
            popupMatchSelectWidth={false}
            data-testid="hazards-filter-department"
          />
        </Col>
      )}
      {!hide.status && (
        <Col xs={12} md={6} xl={3}>
          <Select
            allowClear
            style={{ width: '100%' }}
            placeholder={t('hazards.fields.status')}
            value={filters.status}
            onChange={(status) => onChange({ status })}
            options={options('hazardStatus', HAZARD_STATUSES)}
            data-testid="hazards-filter-status"
          />
        </Col>
      )}
      <Col xs={12} md={6} xl={3}>
        <Select
          allowClear
          style={{ width: '100%' }}
          placeholder={t('hazards.fields.level')}
          value={filters.level}
          onChange={(level) => onChange({ level })}
          options={options('hazardLevel', HAZARD_LEVELS)}
          data-testid="hazards-filter-level"
        />
      </Col>
      <Col xs={12} md={6} xl={3}>
        <Select
          allowClear
          style={{ width: '100%' }}
          placeholder={t('hazards.fields.mode')}
          value={filters.mode}
          onChange={(mode) => onChange({ mode })}
          options={options('rectificationMode', RECTIFICATION_MODES)}
          data-testid="hazards-filter-mode"
        />
      </Col>
      <Col xs={24} md={12} xl={6}>
        <DatePicker.RangePicker
          style={{ width: '100%' }}
          allowEmpty={[true, true]}
          value={range}
          placeholder={[t('hazards.deadlineFrom'), t('hazards.deadlineTo')]}
          onChange={(dates) =>
            onChange({ deadlineFrom: dates?.[0]?.format('YYYY-MM-DD') ?? undefined, deadlineTo: dates?.[1]?.format('YYYY-MM-DD') ?? undefined })
          }
          data-testid="hazards-filter-deadline"
        />
      </Col>
      <Col xs={12} md={6} xl={3} style={{ display: 'flex', alignItems: 'center' }}>
        <Space size={8}>
          <Switch
            size="small"
            checked={filters.overdue === 'true'}
            onChange={(checked) => onChange({ overdue: checked ? 'true' : undefined })}
            data-testid="hazards-filter-overdue"
          />
          <Typography.Text>{t('hazards.overdueOnly')}</Typography.Text>
        </Space>
      </Col>
      <Col xs={12} md={6} xl={2}>
        <Button icon={<ReloadOutlined />} onClick={onReset} disabled={!active} block>
          {t('common.reset')}
        </Button>
      </Col>
    </Row>
  );
}
