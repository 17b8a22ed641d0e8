import { Alert, Button, Card, Col, Empty, Progress, Row, Statistic, Typography } from 'antd';
import { CloudUploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '@anxun/contracts';
import { useErrorText } from '../../app/errors.ts';
import { isBusy, useCommitImport } from './api.ts';
import { ImportErrors } from './ImportErrors.tsx';

interface Props {
  preview: ImportPreview;
  onRestart: () => void;
}

export function ImportProgressCard({ preview, onRestart }: Props) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const commit = useCommitImport(preview.importId);
  const busy = isBusy(preview);
  const percent = preview.totalRows > 0 ? Math.floor((preview.processedRows / preview.totalRows) * 100) : busy ? 0 : 100;
  const errorRows = new Set(preview.errors.map((error) => error.row)).size;

  return (
    <Card
      title={t(`imports.status.${preview.status}`)}
      extra={
        preview.status === 'validated' && (
          <Button onClick={onRestart} disabled={commit.isPending}>
            {t('imports.restart')}
          </Button>
        )
      }
    >
      <div data-testid="import-progress" data-status={preview.status} style={{ marginBottom: 24 }}>
        <Progress
          percent={percent}
          status={busy ? 'active' : preview.status === 'failed' ? 'exception' : 'normal'}
          format={() => `${preview.processedRows} / ${preview.totalRows}`}
        />
      </div>
      <Row gutter={[16, 16]} data-testid="import-summary" style={{ marginBottom: 24 }}>
        <Col xs={12} md={6}>
          <Statistic title={t('imports.summary.total')} value={preview.totalRows} data-testid="import-total" />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('imports.summary.valid')} value={preview.validRows} styles={{ content: { color: '#389e0d' } }} data-testid="import-valid" />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('imports.summary.duplicates')} value={preview.duplicateRows} styles={{ content: { color: '#d46b08' } }} data-testid="import-duplicates" />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('imports.summary.errors')} value={errorRows} styles={{ content: { color: errorRows ? '#cf1322' : undefined } }} data-testid="import-error-count" />
        </Col>
      </Row>
      {commit.isError && <Alert type="error" showIcon title={errorText(commit.error)} style={{ marginBottom: 16 }} />}
      {(preview.status === 'validated' || preview.status === 'importing') && (
        <Button
          type="primary"
          size="large"
          icon={<CloudUploadOutlined />}
          disabled={preview.validRows === 0 || preview.status !== 'validated'}
          loading={commit.isPending || preview.status === 'importing'}
          onClick={() => commit.mutate()}
          data-testid="import-commit"
          style={{ marginBottom: 24 }}
        >
          {t('imports.commit', { count: preview.validRows })}
        </Button>
      )}
      {!busy && (
        <>
          <Typography.Title level={5}>
            {t('imports.errorsTitle')}
            {preview.errors.length > 0 && (
              <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 13, marginInlineStart: 8 }}>
                {t('common.total', { count: preview.errors.length })}
              </Typography.Text>
            )}
          </Typography.Title>
          {preview.errors.length ? (
            <ImportErrors errors={preview.errors} />
          ) : (
            <div data-testid="import-errors">
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('imports.noErrors')} />
            </div>
          )}
        </>
      )}
    </Card>
  );
}
