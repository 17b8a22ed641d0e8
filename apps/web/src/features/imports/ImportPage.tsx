import { Button, Card, Result, Space, Steps } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '@anxun/contracts';
import { PageHeader } from '../../app/components/PageHeader.tsx';
import { LoadError, PageLoading } from '../../app/components/Status.tsx';
import { useImport } from './api.ts';
import { RosterUpload } from './RosterUpload.tsx';
import { ImportProgressCard } from './ImportProgressCard.tsx';

const STEP_OF: Record<ImportPreview['status'], number> = { validating: 1, validated: 2, importing: 2, done: 3, failed: 2 };

function ImportSteps({ preview }: { preview: ImportPreview | undefined }) {
  const { t } = useTranslation();
  const current = preview ? STEP_OF[preview.status] : 0;
  return (
    <Card style={{ marginBottom: 16 }}>
      <Steps
        current={current}
        status={preview?.status === 'failed' ? 'error' : preview?.status === 'done' ? 'finish' : 'process'}
        items={[
          { title: t('imports.steps.upload') },
          { title: t('imports.steps.validate') },
          { title: t('imports.steps.import') },
          { title: t('imports.steps.done') },
        ]}
      />
    </Card>
  );
}

export default function ImportPage() {
  const { t } = useTranslation();
  // The import id sits in the URL so a reload or a shared link comes back to the same preview.
  const [params, setParams] = useSearchParams();
  const importId = params.get('id');
  const preview = useImport(importId);
  const restart = () => setParams(new URLSearchParams());

  let body;
  if (!importId) {
    body = <RosterUpload onUploaded={(uploaded) => setParams({ id: uploaded.importId })} />;
  } else if (preview.isPending) {
    body = <PageLoading />;
  } else if (preview.isError) {
    body = <LoadError error={preview.error} onRetry={() => void preview.refetch()} />;
  } else if (preview.data.status === 'done') {
    body = (
      <>
        <Card style={{ marginBottom: 16 }}>
          <Result
          status="success"
          title={t('imports.doneTitle')}
          subTitle={t('imports.doneSub', { count: preview.data.importedRows })}
          data-testid="import-done"
          extra={
            <Space>
              <Link to="/sites">
                <Button type="primary" data-testid="import-view-sites">
                  {t('imports.viewSites')}
                </Button>
              </Link>
              <Button onClick={restart}>{t('imports.another')}</Button>
            </Space>
          }
        />
        </Card>
        <ImportProgressCard preview={preview.data} onRestart={restart} />
      </>
    );
  } else if (preview.data.status === 'failed') {
    body = (
      <>
        <Card style={{ marginBottom: 16 }}>
          <Result
            status="error"
            title={t('imports.failedTitle')}
            subTitle={t('imports.failedSub')}
            extra={<Button onClick={restart}>{t('imports.restart')}</Button>}
          />
        </Card>
        <ImportProgressCard preview={preview.data} onRestart={restart} />
      </>
    );
  } else {
    body = <ImportProgressCard preview={preview.data} onRestart={restart} />;
  }

  return (
    <>
      <PageHeader title={t('imports.title')} subtitle={t('imports.subtitle')} />
      <ImportSteps preview={importId ? preview.data : undefined} />
      {body}
    </>
  );
}
