import { Breadcrumb, Descriptions, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { SiteDetail } from '@anxun/contracts';
import { ColourTag, FlagTags, KindTag, RiskTag } from '../../app/components/tags.tsx';
import { useFormatters } from '../../app/labels.ts';

export function SiteDescriptions({ site }: { site: SiteDetail }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const dash = t('common.none');
  const text = (value: string | null) => value || dash;

  return (
    <Descriptions
      bordered
      size="middle"
      column={{ xs: 1, md: 2, xl: 3 }}
      styles={{ label: { width: 160 } }}
      items={[
        { key: 'name', label: t('fields.name'), children: site.name },
        { key: 'kind', label: t('fields.kind'), children: <KindTag kind={site.kind} /> },
        { key: 'flags', label: t('fields.flags'), children: site.flags.length ? <FlagTags flags={site.flags} /> : dash },
        {
          key: 'creditCode',
          label: t('fields.creditCode'),
          children: site.creditCode ? <Typography.Text copyable>{site.creditCode}</Typography.Text> : dash,
        },
        {
          key: 'area',
          label: t('fields.areaPath'),
          span: 2,
          children: (
            <Breadcrumb
              items={(site.areaPath.length ? site.areaPath : [{ id: site.areaId, name: site.areaName, level: '' }]).map((area) => ({
                key: area.id,
                title: <Link to={`/sites?areaId=${area.id}`}>{area.name}</Link>,
              }))}
            />
          ),
        },
        { key: 'address', label: t('fields.address'), span: 2, children: text(site.address) },
        {
          key: 'location',
          label: t('fields.location'),
          children: site.location ? (
            <Typography.Text copyable={{ text: `${site.location.lng},${site.location.lat}` }}>
              {site.location.lng.toFixed(6)}, {site.location.lat.toFixed(6)}{' '}
              <Typography.Text type="secondary">WGS-84</Typography.Text>
            </Typography.Text>
          ) : (
            dash
          ),
        },
        { key: 'responsiblePerson', label: t('fields.responsiblePerson'), children: text(site.responsiblePerson) },
        { key: 'phone', label: t('fields.phone'), children: site.phone ? <Typography.Text copyable>{site.phone}</Typography.Text> : dash },
        { key: 'industry', label: t('fields.industry'), children: text(site.industry) },
        { key: 'riskLevel', label: t('fields.riskLevel'), children: <RiskTag risk={site.riskLevel} /> },
        { key: 'colour', label: t('fields.colour'), children: <ColourTag colour={site.colour} /> },
        { key: 'employees', label: t('fields.employees'), children: format.number(site.employees) },
        { key: 'floorArea', label: t('fields.floorArea'), children: format.number(site.floorArea) },
        { key: 'createdAt', label: t('fields.createdAt'), children: format.dateTime(site.createdAt) },
        { key: 'updatedAt', label: t('fields.updatedAt'), children: format.dateTime(site.updatedAt) },
      ]}
    />
  );
}
