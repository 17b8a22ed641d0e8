import { Empty, Space, Timeline, Typography } from 'antd';
import { ArrowRightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { SiteOrdersView } from '@anxun/contracts';
import { ColourTag } from '../../app/components/tags.tsx';
import { useFormatters } from '../../app/labels.ts';
import { FIVE_COLOURS } from '../../app/theme.ts';
import '../hazards/hazards.css';

type ColourChange = SiteOrdersView['colourHistory'][number];

export function SiteColourHistory({ history }: { history: ColourChange[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  if (!history.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('siteOrders.colours.empty')} />;
  const rows = [...history].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <div data-testid="site-colour-history" style={{ paddingTop: 12 }}>
      <Timeline
        items={rows.map((change, index) => ({
          key: `${change.at}-${index}`,
          color: FIVE_COLOURS[change.colour],
          content: (
            <div>
              <Space size={6} wrap>
                {change.previous && (
                  <>
                    <ColourTag colour={change.previous} />
                    <ArrowRightOutlined style={{ fontSize: 11, color: 'rgba(0,0,0,0.35)' }} />
                  </>
                )}
                <ColourTag colour={change.colour} />
                <Typography.Text type="secondary">{format.dateTime(change.at)}</Typography.Text>
              </Space>
              {change.reason && <div className="ax-reason">{change.reason}</div>}
            </div>
          ),
        }))}
      />
    </div>
  );
}
