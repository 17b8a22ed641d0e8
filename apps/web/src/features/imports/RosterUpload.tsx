import { App, Button, Card, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '@anxun/contracts';
import { useErrorText } from '../../app/errors.ts';
import { TEMPLATE_URL, useUploadRoster } from './api.ts';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function RosterUpload({ onUploaded }: { onUploaded: (preview: ImportPreview) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const upload = useUploadRoster();

  return (
    <Card
      title={t('imports.steps.upload')}
      extra={
        <Button type="link" icon={<DownloadOutlined />} href={TEMPLATE_URL} download data-testid="import-template">
          {t('imports.template')}
        </Button>
      }
    >
      <div data-testid="import-upload">
        <Upload.Dragger
          accept={`.xlsx,${XLSX_MIME}`}
          multiple={false}
          maxCount={1}
          showUploadList={false}
          disabled={upload.isPending}
          beforeUpload={(file) => {
            if (!file.name.toLowerCase().endsWith('.xlsx')) {
              void message.error(t('imports.onlyXlsx'));
              return Upload.LIST_IGNORE;
            }
            return true;
          }}
          customRequest={({ file, onSuccess, onError }) => {
            upload.mutate(file as File, {
              onSuccess: (preview) => {
                onSuccess?.(preview);
                onUploaded(preview);
              },
              onError: (error) => {
                onError?.(error);
                void message.error(errorText(error));
              },
            });
          }}
          style={{ padding: '24px 0' }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <Typography.Paragraph strong style={{ fontSize: 16, marginBottom: 4 }}>
            {upload.isPending ? t('common.loading') : t('imports.dragText')}
          </Typography.Paragraph>
          <Typography.Text type="secondary">{t('imports.dragHint')}</Typography.Text>
        </Upload.Dragger>
      </div>
    </Card>
  );
}
