import { useState } from 'react';
import { App, Button, Card, Empty, List, Modal, Select, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { NailDetail } from '@anxun/contracts';
import { useErrorText } from '../../app/errors.ts';
import { useDepartmentName } from '../hazards/useDepartmentName.ts';
import { useSiteSearch, type useNailChange } from './api.ts';

type Change = ReturnType<typeof useNailChange>;

function DepartmentsModal({ nail, change, onClose }: { nail: NailDetail; change: Change; onClose: () => void }) {
  const { t } = useTranslation();
  const departments = useDepartmentName();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [ids, setIds] = useState(nail.departments.map((d) => d.id));
  const save = () => change.mutateAsync({ kind: 'departments', departmentIds: ids }).then(onClose, (e: unknown) => void message.error(errorText(e)));
  return (
    <Modal open title={t('nails.detail.linkDepartments')} onCancel={onClose} onOk={() => void save()} confirmLoading={change.isPending} okText={t('common.save')}>
      <Select mode="multiple" style={{ width: '100%' }} value={ids} onChange={setIds} options={departments.options} loading={departments.loading} optionFilterProp="label" data-testid="nail-departments-select" />
    </Modal>
  );
}

function SitesModal({ nail, change, onClose }: { nail: NailDetail; change: Change; onClose: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const [chosen, setChosen] = useState(nail.sites.map((s) => ({ value: s.id, label: s.name })));
  const found = useSiteSearch(q);
  const options = [...chosen, ...(found.data?.items ?? []).filter((s) => !chosen.some((c) => c.value === s.id)).map((s) => ({ value: s.id, label: `${s.name}（${s.address}）` }))];
  const save = () =>
    change.mutateAsync({ kind: 'sites', siteIds: chosen.map((c) => c.value) }).then(onClose, (e: unknown) => void message.error(errorText(e)));
  return (
    <Modal open title={t('nails.detail.linkSites')} onCancel={onClose} onOk={() => void save()} confirmLoading={change.isPending} okText={t('common.save')} width={640}>
      <Select
        mode="multiple"
        labelInValue
        showSearch={{ filterOption: false, onSearch: setQ }}
        style={{ width: '100%' }}
        placeholder={t('nails.detail.searchSites')}
        value={chosen}
        onChange={(next) => setChosen(next.map((v) => ({ value: v.value, label: String(v.label) })))}
        options={options}
        loading={found.isFetching}
        data-testid="nail-sites-select"
      />
    </Modal>
  );
}

/** Who answers for the nail: its departments (who then see it) and the sites it concerns. */
export function NailLinksCard({ nail, change }: { nail: NailDetail; change: Change }) {
  const { t } = useTranslation();
  const departments = useDepartmentName();
  const [editing, setEditing] = useState<'departments' | 'sites' | null>(null);
  const editButton = (what: 'departments' | 'sites') =>
    nail.allowed.link ? (
      <Button size="small" type="link" onClick={() => setEditing(what)} data-testid={`nail-edit-${what}`}>
        {t('nails.detail.editLinks')}
      </Button>
    ) : null;
  return (
    <Card title={t('nails.detail.responsibility')}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Text type="secondary">{t('nails.detail.departments')}</Typography.Text>
        {editButton('departments')}
      </Space>
      <div style={{ margin: '8px 0 16px' }} data-testid="nail-departments">
        {nail.departments.length ? nail.departments.map((d) => <Tag key={d.id} color="blue">{departments.name(d.id, d.name)}</Tag>) : <Typography.Text type="secondary">{t('nails.detail.noDepartments')}</Typography.Text>}
      </div>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Text type="secondary">{t('nails.detail.sites')}</Typography.Text>
        {editButton('sites')}
      </Space>
      {nail.sites.length ? (
        <List
          size="small"
          dataSource={nail.sites}
          renderItem={(site) => (
            <List.Item>
              <List.Item.Meta title={<Link to={`/sites/${site.id}`}>{site.name}</Link>} description={site.address} />
            </List.Item>
          )}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('nails.detail.noSites')} />
      )}
      {editing === 'departments' && <DepartmentsModal nail={nail} change={change} onClose={() => setEditing(null)} />}
      {editing === 'sites' && <SitesModal nail={nail} change={change} onClose={() => setEditing(null)} />}
    </Card>
  );
}
