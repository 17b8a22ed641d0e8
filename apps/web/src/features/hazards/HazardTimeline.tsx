import { Empty, Space, Timeline, Typography } from 'antd';
import { ArrowRightOutlined, EnvironmentOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { HazardDetail, HazardStatus } from '@anxun/contracts';
import { useFormatters } from '../../app/labels.ts';
import { HazardStatusTag } from './HazardTags.tsx';
import { useHazardLabels } from './labels.ts';
import { PhotoGrid } from './Photos.tsx';

type HazardEvent = HazardDetail['events'][number];

const DOT: Record<HazardStatus, string> = { open: 'red', pending_review: 'blue', closed: 'green', cancelled: 'gray' };

export function HazardTimeline({ events }: { events: HazardEvent[] }) {
  const { t } = useTranslation();
  const label = useHazardLabels();
  const format = useFormatters();

  if (!events.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('hazards.timeline.empty')} />;

  // The hazard's story reads top to bottom: found first, latest step last.
  const ordered = [...events].sort((a, b) => a.at.localeCompare(b.at));
  const actionText = (action: string) => t(`hazards.timeline.events.${action}`, { defaultValue: label('hazardAction', action) });

  return (
    <div data-testid="hazard-timeline">
      <Timeline
        items={ordered.map((event) => ({
          key: event.id,
          color: DOT[event.toStatus],
          content: (
            <div data-testid="hazard-event" data-action={event.action}>
              <Space size={8} wrap>
                <Typography.Text strong>{actionText(event.action)}</Typography.Text>
                {event.fromStatus && event.fromStatus !== event.toStatus ? (
                  <Space size={4}>
                    <HazardStatusTag status={event.fromStatus} />
                    <ArrowRightOutlined style={{ fontSize: 10, color: 'rgba(0,0,0,0.35)' }} />
                    <HazardStatusTag status={event.toStatus} />
                  </Space>
                ) : (
                  <HazardStatusTag status={event.toStatus} />
                )}
              </Space>
              <div style={{ marginTop: 2, fontSize: 12 }}>
                <Space size={12} wrap>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    <UserOutlined /> {event.actorName}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {format.dateTime(event.at)}
                  </Typography.Text>
                  {event.location && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }} title={t('hazards.timeline.location')}>
                      <EnvironmentOutlined /> {event.location.lng.toFixed(5)}, {event.location.lat.toFixed(5)}
                    </Typography.Text>
                  )}
                </Space>
              </div>
              {event.reason && <div className="ax-reason">{event.reason}</div>}
              {event.evidence.length > 0 && (
                <div style={{ marginTop: 8 }}>
                  <PhotoGrid photos={event.evidence} size={56} />
                </div>
              )}
            </div>
          ),
        }))}
      />
    </div>
  );
}
