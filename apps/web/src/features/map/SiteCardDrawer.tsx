import { Link } from 'react-router';
import { Button, Descriptions, Drawer, Empty, List, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ColourTag, KindTag, RiskTag } from '../../app/components/tags.tsx';
import { PageLoading } from '../../app/components/Status.tsx';
import { HazardLevelTag } from '../hazards/HazardTags.tsx';
import { useSiteCard } from './api.ts';

/** Click a pin → the site's card; the archive (一企一档) is one click further. */
export function SiteCardDrawer({ siteId, onClose }: { siteId: string | null; onClose(): void }) {
  const { t } = useTranslation();
  const card = useSiteCard(siteId);
  const site = card.data;
  return (
    <Drawer open={!!siteId} onClose={onClose} size={400} title={site?.name ?? t('map.card.title')} data-testid="map-site-card" mask={false}>
      {!site ? (
        <PageLoading />
      ) : (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Space wrap>
            <span data-testid="card-colour" data-colour={site.colour}>
              <ColourTag colour={site.colour} />
            </span>
            <KindTag kind={site.kind} />
            <RiskTag risk={site.riskLevel} />
          </Space>
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('map.card.area')}>{site.areaName}</Descriptions.Item>
            <Descriptions.Item label={t('map.card.address')}>{site.address}</Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('map.card.openHazards', { count: site.openHazards.length })}
          </Typography.Title>
          {site.openHazards.length ? (
            <List
              size="small"
              dataSource={site.openHazards}
              renderItem={(h) => (
                <List.Item>
                  <Space orientation="vertical" size={0}>
                    <Link to={`/hazards/${h.id}`}>{h.description}</Link>
                    <Space size={4} wrap>
                      <HazardLevelTag level={h.level} />
                      <Typography.Text type="secondary">{h.departmentName}</Typography.Text>
                      {h.deadline && <Typography.Text type="secondary">{t('map.card.deadline', { date: h.deadline })}</Typography.Text>}
                    </Space>
                  </Space>
                </List.Item>
              )}
            />
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('map.card.noHazards')} />
          )}
          <Link to={`/sites/${site.id}`} data-testid="card-archive">
            <Button type="primary" block>
              {t('map.card.archive')}
            </Button>
          </Link>
        </Space>
      )}
    </Drawer>
  );
}
