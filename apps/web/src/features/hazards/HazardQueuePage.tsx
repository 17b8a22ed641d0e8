import { useMemo } from 'react';
import { Alert, Badge, Card, Segmented, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HazardStatus } from '@anxun/contracts';
import { PageHeader } from '../../app/components/PageHeader.tsx';
import { LoadError } from '../../app/components/Status.tsx';
import { useCurrentUser } from '../auth/api.ts';
import type { HazardFilters } from './api.ts';
import { useHazards } from './api.ts';
import { HazardFiltersBar } from './HazardFiltersBar.tsx';
import { HazardsTable } from './HazardsTable.tsx';
import { useHazardLabels } from './labels.ts';
import { useDepartmentName } from './useDepartmentName.ts';
import { useHazardFilters } from './useHazardFilters.ts';

const QUEUE_STATUSES = ['open', 'pending_review'] as const satisfies readonly HazardStatus[];

/** The viewer's department's live hazards, the nearest deadline first. */
export default function HazardQueuePage() {
  const { t } = useTranslation();
  const label = useHazardLabels();
  const me = useCurrentUser();
  const departments = useDepartmentName();
  const defaults = useMemo<Partial<HazardFilters>>(
    () => ({ departmentId: me?.departmentId ?? undefined, status: 'open', sort: 'deadline' }),
    [me?.departmentId],
  );
  const { filters, update, reset, active } = useHazardFilters(defaults);
  const status = QUEUE_STATUSES.find((s) => s === filters.status) ?? 'open';
  const query = { ...filters, status };
  const hazards = useHazards(query, !!query.departmentId);
  // The other tab's count, so the department sees both piles at a glance.
  const other = status === 'open' ? 'pending_review' : 'open';
  const otherCount = useHazards({ ...query, status: other, page: 1, pageSize: 1 }, !!query.departmentId);
  const count = (s: HazardStatus) => (s === status ? hazards.data?.total : otherCount.data?.total);
  const noDepartment = !me?.departmentId;
  // The server is asked for deadline order; sorting the page as well keeps the queue right either way.
  const data = useMemo(
    () =>
      hazards.data && {
        ...hazards.data,
        items: [...hazards.data.items].sort((a, b) => (a.deadline ?? '9999-12-31').localeCompare(b.deadline ?? '9999-12-31')),
      },
    [hazards.data],
  );

  return (
    <>
      <PageHeader
        title={t('hazards.queue.title')}
        titleTestId="hazard-queue-title"
        subtitle={
          query.departmentId
            ? t('hazards.queue.subtitle', { department: departments.name(query.departmentId, me?.departmentName) })
            : t('hazards.queue.subtitleNone')
        }
      />
      <Card>
        {noDepartment && <Alert type="info" showIcon title={t('hazards.queue.noDepartment')} style={{ marginBottom: 16 }} />}
        <Space style={{ marginBottom: 16 }}>
          <Segmented<HazardStatus>
            value={status}
            onChange={(next) => update({ status: next })}
            options={QUEUE_STATUSES.map((s) => ({
              value: s,
              label: (
                <Space size={6} style={{ padding: '0 4px' }} data-testid={`hazard-queue-${s}`}>
                  {label('hazardStatus', s)}
                  <Badge count={count(s) ?? 0} showZero overflowCount={9999} color={s === 'open' ? '#d4380d' : '#1456a8'} />
                </Space>
              ),
            }))}
          />
        </Space>
        <HazardFiltersBar filters={filters} active={active} onChange={update} onReset={reset} hide={{ department: !noDepartment, status: true }} />
        {hazards.isError && !hazards.data ? (
          <LoadError error={hazards.error} onRetry={() => void hazards.refetch()} />
        ) : (
          <HazardsTable
            data={query.departmentId ? data : undefined}
            loading={hazards.isFetching}
            testId="hazard-queue-table"
            hideDepartment={!!query.departmentId}
            empty={query.departmentId ? t('hazards.queue.empty') : t('hazards.queue.pickDepartment')}
            onPage={(page, pageSize) => update({ page: pageSize === filters.pageSize ? page : 1, pageSize })}
          />
        )}
      </Card>
    </>
  );
}
