import { useState } from 'react';
import { Button, Card, Descriptions, Space, Spin, Tag } from 'antd';
import { EditOutlined, PlusOutlined, ShopOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../app/components/Status.tsx';
import { useFormatters, useLabels } from '../../app/labels.ts';
import { useCan } from '../auth/api.ts';
import { nextLevel, useAreaDetail } from './api.ts';
import type { AreaDetail } from './api.ts';
import { AreaName } from './AreaName.tsx';
import { AreaFormModal } from './AreaFormModal.tsx';

interface Props {
  id: string;
  onChanged: (parentId: string | null) => Promise<void>;
}

export function AreaDetailCard({ id, onChanged }: Props) {
  const { t } = useTranslation();
  const label = useLabels();
  const format = useFormatters();
  const can = useCan();
  const detail = useAreaDetail(id);
  const [dialog, setDialog] = useState<'create' | 'rename' | null>(null);

  if (detail.isPending) return <Card><Spin style={{ display: 'block', padding: 48 }} /></Card>;
  if (detail.isError) return <Card><LoadError error={detail.error} onRetry={() => void detail.refetch()} /></Card>;
  const area: AreaDetail = detail.data;
  const childLevel = nextLevel(area.level);
  const manage = can('areas.manage');

  return (
    <Card
      title={
        <Space>
          <Tag color="blue">{label('area', area.level)}</Tag>
          <span data-testid="area-detail-name">{area.name}</span>
        </Space>
      }
      extra={
        manage && (
          <Space>
            {childLevel && (
              <Button icon={<PlusOutlined />} onClick={() => setDialog('create')} data-testid="area-add-child">
                {t('areas.addChild')}
              </Button>
            )}
            <Button icon={<EditOutlined />} onClick={() => setDialog('rename')} data-testid="area-rename">
              {t('areas.rename')}
            </Button>
          </Space>
        )
      }
    >
      <Descriptions
        column={{ xs: 1, md: 2 }}
        bordered
        size="small"
        items={[
          { key: 'name', label: t('areas.name'), children: area.name },
          { key: 'level', label: t('areas.level'), children: label('area', area.level) },
          { key: 'code', label: t('areas.code'), children: <code>{area.code}</code> },
          { key: 'parent', label: t('areas.parent'), children: <AreaName id={area.parentId} /> },
          { key: 'siteCount', label: t('areas.siteCount'), children: format.number(area.siteCount) },
          {
            key: 'centre',
            label: t('areas.centre'),
            children: area.centre ? `${area.centre.lng.toFixed(6)}, ${area.centre.lat.toFixed(6)}` : t('common.none'),
          },
          { key: 'boundary', label: t('areas.boundary'), children: area.boundary ? t('areas.hasBoundary') : t('areas.noBoundary') },
          { key: 'path', label: t('areas.path'), span: 'filled', children: <code style={{ wordBreak: 'break-all' }}>{area.path}</code> },
        ]}
      />
      <div style={{ marginTop: 16 }}>
        <Link to={`/sites?areaId=${area.id}`} data-testid="area-view-sites">
          <Button type="primary" icon={<ShopOutlined />}>
            {t('areas.viewSites')}
          </Button>
        </Link>
      </div>
      {dialog && (
        <AreaFormModal
          mode={dialog}
          area={area}
          onClose={() => setDialog(null)}
          onSaved={(saved) => {
            setDialog(null);
            void onChanged(dialog === 'create' ? area.id : saved.parentId);
          }}
        />
      )}
    </Card>
  );
}
