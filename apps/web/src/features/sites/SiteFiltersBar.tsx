import { Button, Col, Row, Select } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { RISK_LEVELS, SITE_COLOURS, SITE_FLAGS, SITE_KINDS } from '@anxun/contracts';
import { AreaTreeSelect } from '../../app/components/AreaTreeSelect.tsx';
import { KeywordSearch } from '../../app/components/KeywordSearch.tsx';
import { ColourDot } from '../../app/components/tags.tsx';
import { useEnumOptions, useLabels } from '../../app/labels.ts';
import { useCan } from '../auth/api.ts';
import type { SiteFilters } from './useSiteFilters.ts';

interface Props {
  filters: SiteFilters;
  active: boolean;
  onChange: (change: Partial<SiteFilters>) => void;
  onReset: () => void;
}

export function SiteFiltersBar({ filters, active, onChange, onReset }: Props) {
  const { t } = useTranslation();
  const label = useLabels();
  const options = useEnumOptions();
  const can = useCan();

  const colourOptions = SITE_COLOURS.map((colour) => ({
    value: colour,
    label: (
      <span>
        <ColourDot colour={colour} />
        {label('colour', colour)}
      </span>
    ),
  }));

  return (
    <Row gutter={[12, 12]} className="ax-filter-bar" style={{ marginBottom: 16 }}>
      <Col xs={24} md={12} xl={6}>
        <KeywordSearch value={filters.q} onSearch={(q) => onChange({ q })} placeholder={t('sites.searchPlaceholder')} testId="sites-search" />
      </Col>
      {/* Inspected parties see only their own sites and have no area tree to pick from. */}
      {can('areas') && (
        <Col xs={24} md={12} xl={5}>
          <AreaTreeSelect
            value={filters.areaId}
            onChange={(areaId) => onChange({ areaId: typeof areaId === 'string' ? areaId : undefined })}
            placeholder={t('sites.areaPlaceholder')}
          />
        </Col>
      )}
      <Col xs={12} md={6} xl={3}>
        <Select
          allowClear
          style={{ width: '100%' }}
          placeholder={t('fields.kind')}
          value={filters.kind}
          onChange={(kind) => onChange({ kind })}
          options={options('siteKind', SITE_KINDS)}
          data-testid="sites-filter-kind"
        />
      </Col>
      <Col xs={12} md={6} xl={3}>
        <Select
          allowClear
          style={{ width: '100%' }}
          placeholder={t('fields.riskLevel')}
          value={filters.riskLevel}
          onChange={(riskLevel) => onChange({ riskLevel })}
          options={options('risk', RISK_LEVELS)}
          data-testid="sites-filter-risk"
        />
      </Col>
      <Col xs={12} md={6} xl={3}>
        <Select
          allowClear
          style={{ width: '100%' }}
          placeholder={t('fields.colour')}
          value={filters.colour}
          onChange={(colour) => onChange({ colour })}
          options={colourOptions}
          data-testid="sites-filter-colour"
        />
      </Col>
      <Col xs={12} md={6} xl={2}>
        <Select
          allowClear
          style={{ width: '100%' }}
          placeholder={t('fields.flags')}
          value={filters.flag}
          onChange={(flag) => onChange({ flag })}
          options={options('siteFlag', SITE_FLAGS)}
          popupMatchSelectWidth={false}
          data-testid="sites-filter-flag"
        />
      </Col>
      <Col xs={24} md={12} xl={2}>
        <Button icon={<ReloadOutlined />} onClick={onReset} disabled={!active} block>
          {t('common.reset')}
        </Button>
      </Col>
    </Row>
  );
}
