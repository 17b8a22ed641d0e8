import { Button, Card, Space } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../app/components/PageHeader.tsx';
import { LoadError } from '../../app/components/Status.tsx';
import { useCan } from '../auth/api.ts';
import { exportUrl, useSites } from './api.ts';
import { useSiteFilters } from './useSiteFilters.ts';
import { SiteFiltersBar } from './SiteFiltersBar.tsx';
import { SitesTable } from './SitesTable.tsx';
import { ExportButton } from '../exports/ExportButton.tsx';

export default function SitesListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const can = useCan();
  const { filters, update, reset, active } = useSiteFilters();
  const sites = useSites(filters);

  return (
    <>
      <PageHeader
        title={t('sites.title')}
        subtitle={t('sites.subtitle')}
        extra={
          <Space>
            {can('sites.export') && (
              <ExportButton href={exportUrl(filters)} label={t('sites.export')} testId="sites-export" />
            )}
            {can('sites.create') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/sites/new')} data-testid="sites-create">
                {t('sites.create')}
              </Button>
            )}
          </Space>
        }
      />
      <Card>
        <SiteFiltersBar filters={filters} active={active} onChange={update} onReset={reset} />
        {sites.isError && !sites.data ? (
          <LoadError error={sites.error} onRetry={() => void sites.refetch()} />
        ) : (
          <SitesTable data={sites.data} loading={sites.isFetching} onPage={(page, pageSize) => update({ page: pageSize === filters.pageSize ? page : 1, pageSize })} />
        )}
      </Card>
    </>
  );
}
