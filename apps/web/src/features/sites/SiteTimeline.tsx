import { Empty, Spin, Timeline, Typography } from 'antd';
import { ArrowRightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TimelineEvent } from '@anxun/contracts';
import { LoadError } from '../../app/components/Status.tsx';
import { useFormatters, useLabels } from '../../app/labels.ts';
import type { LabelGroup } from '../../app/labels.ts';
import { useTimeline } from './api.ts';

const ENUM_FIELDS: Record<string, LabelGroup> = {
  kind: 'siteKind',
  flags: 'siteFlag',
  riskLevel: 'risk',
  colour: 'colour',
  level: 'area',
};

const ACTION_COLOURS: Record<string, string> = { site_created: 'green', site_imported: 'green', site_updated: 'blue' };

const isEmpty = (value: unknown) => value === null || value === undefined || value === '' || (Array.isArray(value) && !value.length);

/** Renders one recorded value in words: enum labels, coordinates, lists. */
function useValueText() {
  const { t } = useTranslation();
  const label = useLabels();
  const format = useFormatters();
  return (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return t('common.none');
    const group = ENUM_FIELDS[field];
    if (Array.isArray(value)) return value.length ? value.map((item) => (group ? label(group, String(item)) : String(item))).join('、') : t('common.none');
    if (group && typeof value === 'string') return label(group, value);
    if (typeof value === 'number') return format.number(value);
    if (typeof value === 'boolean') return value ? '✓' : '✗';
    if (typeof value === 'object' && 'lng' in value && 'lat' in value) return `${String(value.lng)}, ${String(value.lat)}`;
    if (typeof value === 'object') return JSON.stringify(value);
    return String(value);
  };
}

function Changes({ event }: { event: TimelineEvent }) {
  const { t } = useTranslation();
  const valueText = useValueText();
  if (!event.changes.length) return null;
  return (
    <table style={{ marginTop: 6, borderCollapse: 'collapse', fontSize: 13 }}>
      <tbody>
        {event.changes.map((change) => (
          <tr key={change.field}>
            <td style={{ padding: '2px 12px 2px 0', color: 'rgba(0,0,0,0.55)', whiteSpace: 'nowrap', verticalAlign: 'top' }}>
              {t(`fields.${change.field}`, { defaultValue: change.field })}
            </td>
            <td style={{ padding: '2px 0' }}>
              <Typography.Text delete={!isEmpty(change.before)} type="secondary">
                {valueText(change.field, change.before)}
              </Typography.Text>
              <ArrowRightOutlined style={{ margin: '0 8px', fontSize: 11, color: 'rgba(0,0,0,0.35)' }} />
              <Typography.Text>{valueText(change.field, change.after)}</Typography.Text>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function SiteTimeline({ siteId }: { siteId: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const timeline = useTimeline(siteId);

  if (timeline.isPending) return <Spin style={{ display: 'block', padding: 32 }} />;
  if (timeline.isError) return <LoadError error={timeline.error} onRetry={() => void timeline.refetch()} />;
  if (!timeline.data.length) return <Empty description={t('sites.history.empty')} />;

  return (
    <div data-testid="site-timeline" style={{ paddingTop: 12 }}>
      <Timeline
        items={timeline.data.map((event) => {
          const action = event.action.replaceAll('.', '_');
          return {
            key: event.id,
            color: ACTION_COLOURS[action] ?? 'gray',
            content: (
              <div>
                <Typography.Text strong>{t(`sites.history.actions.${action}`, { defaultValue: event.action })}</Typography.Text>
                <Typography.Text type="secondary" style={{ marginInlineStart: 12 }}>
                  {format.dateTime(event.at)}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ marginInlineStart: 12 }}>
                  {t('sites.history.by', { name: event.actorName ?? t('sites.history.system') })}
                </Typography.Text>
                <Changes event={event} />
              </div>
            ),
          };
        })}
      />
    </div>
  );
}
