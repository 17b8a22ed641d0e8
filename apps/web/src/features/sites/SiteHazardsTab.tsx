import { useState } from 'react';
import { Button, Segmented, Space } from 'antd';
import { ArrowRightOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { HAZARD_STATUSES } from '@anxun/contracts';
import type { HazardStatus } from '@anxun/contracts';
import { LoadError } from '../../app/components/Status.tsx';
import { useCan } from '../auth/api.ts';
import { useHazards } from '../hazards/api.ts';
import { HazardsTable } from '../hazards/HazardsTable.tsx';
import { useHazardLabels } from '../hazards/labels.ts';

export function SiteHazardsTab({ siteId }: { siteId: string }) {
  const { t } = useTranslation();
  const label = useHazardLabels();
  const navigate = useNavigate();
  const can = useCan();
  const [status, setStatus] = useState<HazardStatus | 'all'>('all');
  const [paging, setPaging] = useState({ page: 1, pageSize: 10 });
  const hazards = useHazards({ siteId, ...paging, status: status === 'all' ? undefined : status });

  return (
    <div data-testid="site-hazards">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Segmented<HazardStatus | 'all'>
          value={status}
          onChange={(next) => {
            setStatus(next);
            setPaging((p) => ({ ...p, page: 1 }));
          }}
          options={[{ value: 'all', label: t('siteOrders.hazards.all') }, ...HAZARD_STATUSES.map((s) => ({ value: s, label: label('hazardStatus', s) }))]}
        />
        {can('hazards') && (
          <Button type="link" onClick={() => void navigate(`/hazards?siteId=${siteId}`)} data-testid="site-hazards-ledger">
            {t('siteOrders.hazards.inLedger')} <ArrowRightOutlined />
          </Button>
        )}
      </Space>
      {hazards.isError && !hazards.data ? (
        <LoadError error={hazards.error} onRetry={() => void hazards.refetch()} />
      ) : (
        <HazardsTable
          data={hazards.data}
          loading={hazards.isFetching}
          hideSite
          testId="site-hazards-table"
          empty={t('siteOrders.hazards.empty')}
          onPage={(page, pageSize) => setPaging({ page: pageSize === paging.pageSize ? page : 1, pageSize })}
        />
      )}
    </div>
  );
}
