import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '@anxun/contracts';
import { isEnglish } from '../../app/errors.ts';

type RowError = ImportPreview['errors'][number] & { key: number };

export function ImportErrors({ errors }: { errors: ImportPreview['errors'] }) {
  const { t, i18n } = useTranslation();
  const english = isEnglish(i18n.language);
  return (
    <div data-testid="import-errors">
      <Table<RowError>
        size="small"
        bordered
        dataSource={errors.map((error, index) => ({ ...error, key: index }))}
        columns={[
          { key: 'row', title: t('imports.errorColumns.row'), dataIndex: 'row', width: 90, sorter: (a, b) => a.row - b.row },
          { key: 'column', title: t('imports.errorColumns.column'), dataIndex: 'column', width: 180 },
          {
            key: 'reason',
            title: t('imports.errorColumns.reason'),
            render: (_, error) => <Typography.Text type="danger">{english ? error.reasonEn : error.reason}</Typography.Text>,
          },
        ]}
        pagination={{ pageSize: 10, showSizeChanger: true, showTotal: (total) => t('common.total', { count: total }), hideOnSinglePage: false }}
      />
    </div>
  );
}
