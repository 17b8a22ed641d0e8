import { Empty, Table } from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { SiteOrdersView } from '@anxun/contracts';
import { useFormatters } from '../../app/labels.ts';
import { noticePdfUrl } from '../hazards/api.ts';

type Notice = SiteOrdersView['notices'][number];

export function SiteNoticesTab({ notices }: { notices: Notice[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const rows = [...notices].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <div data-testid="site-notices">
      <Table<Notice>
        size="middle"
        rowKey="id"
        dataSource={rows}
        pagination={rows.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('siteOrders.notices.empty')} /> }}
        columns={[
          {
            key: 'number',
            title: t('siteOrders.notices.number'),
            render: (_, notice) => (
              <a href={notice.url || noticePdfUrl(notice.id)} target="_blank" rel="noreferrer" data-testid="site-notice-link">
                <FilePdfOutlined style={{ color: '#cf1322', marginInlineEnd: 6 }} />
                {notice.number}
              </a>
            ),
          },
          { key: 'createdAt', title: t('siteOrders.notices.createdAt'), width: 220, render: (_, notice) => format.dateTime(notice.createdAt) },
          {
            key: 'open',
            title: '',
            width: 120,
            align: 'right',
            render: (_, notice) => (
              <a href={notice.url || noticePdfUrl(notice.id)} target="_blank" rel="noreferrer">
                {t('siteOrders.notices.open')}
              </a>
            ),
          },
        ]}
      />
    </div>
  );
}
