import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Input, Modal, Popconfirm, Segmented, Select, Space, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CampaignDetail, CampaignSiteRow, SiteColour } from '@anxun/contracts';
import { AreaTreeSelect } from '../../app/components/AreaTreeSelect.tsx';
import { useErrorText } from '../../app/errors.ts';
import { useFormatters, useLabels } from '../../app/labels.ts';
import { useAssignSites, useCampaignSites, useReassignSite, useUnassignSite, type SiteFilters } from './api.ts';

const COLOUR_TAG: Record<SiteColour, string> = { grey: 'default', green: 'green', yellow: 'gold', orange: 'orange', red: 'red', black: '#000' };

/** Squads and village teams, the only units that answer for sites, labelled with their place in the tree. */
function useTargetOptions(campaign: CampaignDetail) {
  const { t } = useTranslation();
  return useMemo(() => {
    const byId = new Map(campaign.units.map((u) => [u.id, u]));
    return campaign.units
      .filter((u) => u.kind === 'squad' || u.kind === 'village_team')
      .map((u) => {
        const parent = u.parentId ? byId.get(u.parentId) : undefined;
        const path = u.kind === 'squad' ? `${parent?.name ?? ''} / ${u.name}` : `${parent?.name ?? ''} / ${u.name}（${u.areaName ?? ''}）`;
        return { value: u.id, label: `${t(`campaigns.unitKind.${u.kind}`)} · ${path}` };
      });
  }, [campaign.units, t]);
}

export function AssignmentTab({ campaign }: { campaign: CampaignDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const label = useLabels();
  const format = useFormatters();
  const options = useTargetOptions(campaign);
  const squads = campaign.units.filter((u) => u.kind === 'squad');
  const editable = campaign.allowed.assign === true;
  const [filters, setFilters] = useState<SiteFilters>({ page: 1, pageSize: 20, assigned: 'all' });
  const sites = useCampaignSites(campaign.id, filters);
  const assign = useAssignSites(campaign.id);
  const reassign = useReassignSite(campaign.id);
  const unassign = useUnassignSite(campaign.id);
  const [bulk, setBulk] = useState<{ areaId?: string; unitId?: string; onlyUnassigned: boolean }>({ onlyUnassigned: true });
  const [selected, setSelected] = useState<string[]>([]);
  const [moving, setMoving] = useState<{ site: CampaignSiteRow; unitId?: string } | null>(null);
  const setFilter = (patch: Partial<SiteFilters>) => setFilters((f) => ({ ...f, ...patch, page: 1 }));

  const done = (r: { assigned: number; reassigned: number; unchanged: number }) => void message.success(t('campaigns.assign.bulkDone', r));
  const fail = (error: unknown) => void message.error(errorText(error));

  const columns: TableColumnsType<CampaignSiteRow> = [
    {
      title: t('campaigns.assign.columns.name'),
      dataIndex: 'name',
      render: (name: string, s) => (
        <Space size={4}>
          <Tag color={COLOUR_TAG[s.colour]} style={{ marginInlineEnd: 0 }}>
            {label('colour', s.colour)}
          </Tag>
          <Link to={`/sites/${s.siteId}`}>{name}</Link>
        </Space>
      ),
    },
    { title: t('campaigns.assign.columns.kind'), dataIndex: 'kind', width: 100, render: (k: string) => label('siteKind', k) },
    { title: t('campaigns.assign.columns.area'), dataIndex: 'areaName', width: 150 },
    { title: t('campaigns.assign.columns.squad'), dataIndex: 'squadName', width: 120, render: (v: string | null) => v ?? <Tag>{t('campaigns.assign.filterUnassigned')}</Tag> },
    { title: t('campaigns.assign.columns.team'), dataIndex: 'villageTeamName', width: 120, render: (v: string | null) => v ?? '—' },
    { title: t('campaigns.assign.columns.assignedAt'), dataIndex: 'assignedAt', width: 160, render: (v: string | null) => format.dateTime(v) },
    ...(editable
      ? [
          {
            title: t('campaigns.assign.columns.actions'),
            key: 'actions',
            width: 150,
            render: (_: unknown, s: CampaignSiteRow) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setMoving({ site: s, unitId: s.villageTeamId ?? s.squadId ?? undefined })} data-testid={`site-reassign-${s.siteId}`}>
                  {t('campaigns.assign.reassign')}
                </Button>
                {s.squadId && (
                  <Popconfirm title={t('campaigns.assign.unassignConfirm')} onConfirm={() => unassign.mutateAsync(s.siteId).catch(fail)}>
                    <Button type="link" size="small" danger>
                      {t('campaigns.assign.unassign')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]
      : []),
  ];

  const unassigned = sites.data?.unassigned;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {unassigned !== undefined && (
        <Alert type={unassigned > 0 ? 'warning' : 'success'} showIcon title={<span data-testid="assign-unassigned">{unassigned > 0 ? t('campaigns.assign.unassigned', { count: unassigned }) : t('campaigns.assign.allAssigned')}</span>} />
      )}
      {editable && (
        <Card size="small" title={t('campaigns.assign.bulkTitle')}>
          <Space wrap>
            <AreaTreeSelect style={{ width: 240 }} placeholder={t('campaigns.assign.bulkArea')} value={bulk.areaId ?? null} onChange={(v) => setBulk((b) => ({ ...b, areaId: v as string | undefined }))} />
            <Select style={{ width: 320 }} placeholder={t('campaigns.assign.bulkUnit')} value={bulk.unitId} onChange={(unitId: string) => setBulk((b) => ({ ...b, unitId }))} options={options} data-testid="assign-unit" />
            <Checkbox checked={bulk.onlyUnassigned} onChange={(e) => setBulk((b) => ({ ...b, onlyUnassigned: e.target.checked }))}>
              {t('campaigns.assign.onlyUnassigned')}
            </Checkbox>
            <Button
              type="primary"
              disabled={!bulk.areaId || !bulk.unitId}
              loading={assign.isPending}
              data-testid="assign-bulk-submit"
              onClick={() => assign.mutateAsync({ unitId: bulk.unitId!, areaId: bulk.areaId!, onlyUnassigned: bulk.onlyUnassigned }).then(done, fail)}
            >
              {t('campaigns.assign.bulkSubmit')}
            </Button>
            <Button
              disabled={selected.length === 0 || !bulk.unitId}
              loading={assign.isPending}
              onClick={() =>
                assign.mutateAsync({ unitId: bulk.unitId!, siteIds: selected, onlyUnassigned: false }).then((r) => {
                  setSelected([]);
                  done(r);
                }, fail)
              }
            >
              {t('campaigns.assign.assignSelected')} {selected.length > 0 && `（${t('campaigns.assign.selected', { count: selected.length })}）`}
            </Button>
          </Space>
        </Card>
      )}
      <Space wrap>
        <Segmented
          value={filters.assigned}
          onChange={(v) => setFilter({ assigned: v as SiteFilters['assigned'] })}
          options={[
            { value: 'all', label: t('campaigns.assign.filterAll') },
            { value: 'assigned', label: t('campaigns.assign.filterAssigned') },
            { value: 'unassigned', label: <span data-testid="assign-filter-unassigned">{t('campaigns.assign.filterUnassigned')}</span> },
          ]}
        />
        <Select allowClear style={{ width: 180 }} placeholder={t('campaigns.assign.squad')} value={filters.squadId} onChange={(squadId?: string) => setFilter({ squadId })} options={squads.map((s) => ({ value: s.id, label: s.name }))} />
        <AreaTreeSelect style={{ width: 200 }} placeholder={t('campaigns.assign.columns.area')} value={filters.areaId ?? null} onChange={(v) => setFilter({ areaId: v as string | undefined })} />
        <Input.Search allowClear style={{ width: 220 }} placeholder={t('campaigns.assign.search')} onSearch={(q) => setFilter({ q: q || undefined })} />
      </Space>
      <Table<CampaignSiteRow>
        rowKey="siteId"
        size="middle"
        data-testid="assign-table"
        loading={sites.isFetching}
        columns={columns}
        dataSource={sites.data?.items ?? []}
        rowSelection={editable ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]), preserveSelectedRowKeys: true } : undefined}
        pagination={{ current: filters.page, pageSize: filters.pageSize, total: sites.data?.total ?? 0, showSizeChanger: true, onChange: (page, pageSize) => setFilters((f) => ({ ...f, page, pageSize })) }}
        scroll={{ x: 900 }}
      />
      <Modal
        open={!!moving}
        title={moving?.site.name}
        onCancel={() => setMoving(null)}
        confirmLoading={reassign.isPending}
        okButtonProps={{ disabled: !moving?.unitId, ...({ 'data-testid': 'reassign-submit' } as Record<string, string>) }}
        onOk={() =>
          reassign.mutateAsync({ siteId: moving!.site.siteId, unitId: moving!.unitId! }).then((r) => {
            setMoving(null);
            done(r);
          }, fail)
        }
        destroyOnHidden
      >
        <Select style={{ width: '100%' }} value={moving?.unitId} onChange={(unitId: string) => setMoving((m) => (m ? { ...m, unitId } : m))} options={options} data-testid="reassign-unit" />
      </Modal>
    </Space>
  );
}
