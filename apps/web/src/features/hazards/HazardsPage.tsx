import { useState } from 'react';
import { Button, Card, Space, Tag } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../app/components/PageHeader.tsx';
import { LoadError } from '../../app/components/Status.tsx';
import { useCan } from '../auth/api.ts';
import { useSite } from '../sites/api.ts';
import { ledgerExportUrl, useHazards } from './api.ts';
import { HazardBulkBar } from './HazardBulkBar.tsx';
import { HazardFiltersBar } from './HazardFiltersBar.tsx';
import { HazardStats } from './HazardStats.tsx';
import { HazardsTable } from './HazardsTable.tsx';
import { useHazardFilters } from './useHazardFilters.ts';
import { countText } from '../exports/paging.ts';
import { ExportButton } from '../exports/ExportButton.tsx';

/** A site filter comes from a site archive's "all hazards" link: name it so it can be removed. */
function SiteFilterTag({ siteId, onClose }: { siteId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const site = useSite(siteId);
  return (
    <Tag closable onClose={onClose} color="blue" style={{ marginBottom: 12 }} data-testid="hazards-site-filter">
      {t('hazards.fields.site')}: {site.data?.name ?? t('common.loading')}
    </Tag>
  );
}

export default function HazardsPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const can = useCan();
  const { filters, update, reset, active } = useHazardFilters();
  const hazards = useHazards(filters);
  const [selected, setSelected] = useState<string[]>([]);

  return (
    <>
      <PageHeader
        title={t('hazards.title')}
        subtitle={t('hazards.subtitle')}
        titleTestId="hazards-title"
        extra={
          <Space>
            {can('hazards.export') && <ExportButton href={ledgerExportUrl(filters, i18n.language)} testId="hazards-export" label={t('exports.ledger')} />}
            {can('hazards.queue') && (
              <Button icon={<InboxOutlined />} onClick={() => void navigate('/hazards/queue')} data-testid="hazards-open-queue">
                {t('hazards.queue.title')}
              </Button>
            )}
          </Space>
        }
      />
      <HazardStats filters={filters} total={countText(hazards.data)} />
      <Card>
        <HazardFiltersBar filters={filters} active={active} onChange={update} onReset={reset} />
        {filters.siteId && <SiteFilterTag siteId={filters.siteId} onClose={() => update({ siteId: undefined })} />}
        {can('hazards.bulk') && (
          <HazardBulkBar
            keys={selected}
            onClear={() => setSelected([])}
            onDone={(succeeded) => setSelected((keys) => keys.filter((key) => !succeeded.includes(key)))}
          />
        )}
        {hazards.isError && !hazards.data ? (
          <LoadError error={hazards.error} onRetry={() => void hazards.refetch()} />
        ) : (
          <HazardsTable
            data={hazards.data}
            loading={hazards.isFetching}
            selection={can('hazards.bulk') ? { keys: selected, onChange: setSelected } : undefined}
            onPage={(page, pageSize) => update({ page: pageSize === filters.pageSize ? page : 1, pageSize })}
          />
        )}
      </Card>
    </>
  );
}
