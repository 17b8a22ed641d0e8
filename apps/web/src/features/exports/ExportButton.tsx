import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Modal, Progress, Space, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ExportProgress } from '@anxun/contracts';
import { ApiRequestError, get } from '../../app/api.ts';

/** How long the server may take to count the rows before the export shows up (a city-wide count takes about a second). */
const START_TIMEOUT_MS = 60_000;
const POLL_MS = 700;

/** Rows above which the dialog warns that the file takes a while. */
const LARGE = 100_000;

interface Props {
  /** The export's URL with the list's filters, e.g. /api/hazards/export.xlsx?status=open. */
  href: string;
  testId: string;
  label?: string;
}

/**
 * Streams an xlsx export with a progress dialog. The browser's download manager receives the file
 * (straight to disk, however large, and through any proxy), while the dialog polls the server for
 * rows written out of the rows counted (docs/exports.md).
 */
export function ExportButton({ href, testId, label }: Props) {
  const { t } = useTranslation();
  const [exportId, setExportId] = useState<string | null>(null);
  const [startedAt, setStartedAt] = useState(0);

  const start = () => {
    const id = crypto.randomUUID();
    const link = document.createElement('a');
    link.href = `${href}${href.includes('?') ? '&' : '?'}exportId=${id}`;
    link.download = '';
    document.body.append(link);
    link.click();
    link.remove();
    setStartedAt(Date.now());
    setExportId(id);
  };

  return (
    <>
      <Button icon={<DownloadOutlined />} onClick={start} data-testid={testId}>
        {label ?? t('exports.button')}
      </Button>
      {exportId && <ExportProgressModal exportId={exportId} startedAt={startedAt} onClose={() => setExportId(null)} />}
    </>
  );
}

function ExportProgressModal({ exportId, startedAt, onClose }: { exportId: string; startedAt: number; onClose: () => void }) {
  const { t } = useTranslation();
  const [stalled, setStalled] = useState(false);
  const progress = useQuery({
    queryKey: ['exports', 'progress', exportId],
    // Not there yet (the server is still counting) reads as "preparing".
    queryFn: ({ signal }) =>
      get<ExportProgress>(`/exports/${exportId}/progress`, undefined, signal).catch((error: unknown) => {
        if (error instanceof ApiRequestError && error.status === 404) return null;
        throw error;
      }),
    refetchInterval: (query) => (query.state.data?.done || query.state.data?.failed ? false : POLL_MS),
    retry: false,
  });
  const data = progress.data;
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (data) return;
    timer.current = window.setTimeout(() => setStalled(true), Math.max(0, startedAt + START_TIMEOUT_MS - Date.now()));
    return () => window.clearTimeout(timer.current);
  }, [data, startedAt]);

  const failed = !!data?.failed || progress.isError || (stalled && !data);
  const done = !!data?.done;
  const percent = data?.total ? Math.min(100, Math.floor((data.rows / data.total) * 100)) : done ? 100 : 0;
  const rows = (n: number) => n.toLocaleString();

  return (
    <Modal
      open
      title={t('exports.title')}
      onCancel={onClose}
      maskClosable={false}
      footer={
        <Button onClick={onClose} type={done ? 'primary' : 'default'} data-testid="export-close">
          {done || failed ? t('exports.close') : t('exports.hide')}
        </Button>
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }} data-testid="export-progress" data-state={failed ? 'failed' : done ? 'done' : 'running'}>
        <Progress percent={percent} status={failed ? 'exception' : done ? 'success' : 'active'} />
        {failed ? (
          <Alert type="error" showIcon title={t('exports.failed')} />
        ) : done ? (
          <Alert type="success" showIcon title={t('exports.done', { rows: rows(data?.rows ?? 0) })} data-testid="export-done" />
        ) : (
          <Typography.Text type="secondary">
            {!data
              ? t('exports.preparing')
              : data.total !== null
                ? t('exports.rows', { done: rows(data.rows), total: rows(data.total) })
                : t('exports.rowsUnknown', { done: rows(data.rows) })}
          </Typography.Text>
        )}
        {!done && !failed && data?.total !== undefined && data.total !== null && data.total > LARGE && (
          <Typography.Text type="secondary">{t('exports.large', { total: rows(data.total) })}</Typography.Text>
        )}
      </Space>
    </Modal>
  );
}
