import { useState } from 'react';
import type { ReactNode } from 'react';
import { Alert, Button, Form, Input, Modal, Progress, Result, Space, Spin, Table, Typography } from 'antd';
import { CloseOutlined, StopOutlined, UndoOutlined } from '@ant-design/icons';
import { useQueries, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { HazardAction, HazardDetail } from '@anxun/contracts';
import { useErrorText } from '../../app/errors.ts';
import { fetchHazard, hazardKeys, postHazardAction, refreshAfterHazardChange } from './api.ts';
import { useHazardLabels } from './labels.ts';

/** Reason-only actions make sense for many hazards at once; photo evidence is always per hazard. */
const BULK_ACTIONS = ['cancel', 'reopen'] as const satisfies readonly HazardAction[];
type BulkAction = (typeof BULK_ACTIONS)[number];
const ICONS: Record<BulkAction, ReactNode> = { cancel: <StopOutlined />, reopen: <UndoOutlined /> };
const CONCURRENCY = 4;

interface Outcome {
  id: string;
  description: string;
  error?: string;
}

interface Props {
  keys: string[];
  onClear: () => void;
  /** Called with the hazards the action succeeded on, so the page can drop them from the selection. */
  onDone: (succeeded: string[]) => void;
}

/**
 * Bulk actions over the selected hazards. Each selected hazard's allowedActions is fetched lazily,
 * and an action is offered only when every selected hazard allows it.
 */
export function HazardBulkBar({ keys, onClear, onDone }: Props) {
  const { t } = useTranslation();
  const label = useHazardLabels();
  const details = useQueries({
    queries: keys.map((id) => ({
      queryKey: hazardKeys.detail(id),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchHazard(id, signal),
      staleTime: 30_000,
    })),
  });
  const [action, setAction] = useState<BulkAction | null>(null);

  if (!keys.length) return null;
  const checking = details.some((detail) => detail.isPending);
  const loaded = details.map((detail) => detail.data).filter((detail): detail is HazardDetail => !!detail);
  const available = checking || loaded.length < keys.length ? [] : BULK_ACTIONS.filter((a) => loaded.every((d) => d.allowedActions.includes(a)));

  return (
    <div className="ax-bulk-bar" data-testid="hazards-bulk-bar">
      <Space size={12} wrap>
        <Typography.Text strong data-testid="hazards-selected-count">
          {t('hazards.bulk.selected', { count: keys.length })}
        </Typography.Text>
        {checking ? (
          <Spin size="small" description={t('hazards.bulk.checking')} />
        ) : (
          available.length === 0 && <Typography.Text type="secondary">{t('hazards.bulk.none')}</Typography.Text>
        )}
      </Space>
      <Space size={8} wrap>
        {available.map((bulk) => (
          <Button key={bulk} danger={bulk === 'cancel'} icon={ICONS[bulk]} onClick={() => setAction(bulk)} data-testid={`hazards-bulk-${bulk}`}>
            {t('hazards.bulk.run', { action: label('hazardAction', bulk) })}
          </Button>
        ))}
        <Button type="text" icon={<CloseOutlined />} onClick={onClear}>
          {t('hazards.bulk.clear')}
        </Button>
      </Space>
      {action && (
        <BulkActionModal
          action={action}
          hazards={loaded}
          onClose={(succeeded) => {
            setAction(null);
            if (succeeded.length) onDone(succeeded);
          }}
        />
      )}
    </div>
  );
}

function BulkActionModal({ action, hazards, onClose }: { action: BulkAction; hazards: HazardDetail[]; onClose: (succeeded: string[]) => void }) {
  const { t } = useTranslation();
  const label = useHazardLabels();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ reason: string }>();
  const [outcomes, setOutcomes] = useState<Outcome[] | null>(null);
  const [done, setDone] = useState(0);
  const [running, setRunning] = useState(false);
  const actionLabel = label('hazardAction', action);

  const run = async ({ reason }: { reason: string }) => {
    setRunning(true);
    setDone(0);
    const results: Outcome[] = [];
    const queue = [...hazards];
    // A few at a time: each call is its own transaction and audit entry on the server.
    const worker = async () => {
      for (let hazard = queue.shift(); hazard; hazard = queue.shift()) {
        try {
          const next = await postHazardAction(hazard.id, { action, reason: reason.trim(), version: hazard.version });
          queryClient.setQueryData(hazardKeys.detail(next.id), next);
          results.push({ id: hazard.id, description: hazard.description });
        } catch (error) {
          void queryClient.invalidateQueries({ queryKey: hazardKeys.detail(hazard.id) });
          results.push({ id: hazard.id, description: hazard.description, error: errorText(error) });
        }
        setDone((count) => count + 1);
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, hazards.length) }, worker));
    const sites = new Set(hazards.filter((h) => results.some((r) => r.id === h.id && !r.error)).map((h) => h.siteId));
    refreshAfterHazardChange(queryClient, null);
    for (const siteId of sites) refreshAfterHazardChange(queryClient, null, siteId);
    setOutcomes(results);
    setRunning(false);
  };

  const succeeded = outcomes?.filter((o) => !o.error).map((o) => o.id) ?? [];
  const failed = outcomes?.filter((o) => o.error) ?? [];
  const close = () => onClose(succeeded);

  return (
    <Modal
      open
      title={t('hazards.bulk.title', { action: actionLabel, count: hazards.length })}
      onCancel={running ? undefined : close}
      closable={!running}
      mask={{ closable: false }}
      destroyOnHidden
      width={outcomes ? 640 : 520}
      footer={
        outcomes ? (
          <Button type="primary" onClick={close} data-testid="hazards-bulk-close">
            {t('common.ok')}
          </Button>
        ) : (
          <Space>
            <Button onClick={close} disabled={running}>
              {t('common.cancel')}
            </Button>
            <Button type="primary" danger={action === 'cancel'} loading={running} onClick={() => form.submit()} data-testid="hazards-bulk-confirm">
              {actionLabel}
            </Button>
          </Space>
        )
      }
    >
      {outcomes ? (
        <div data-testid="hazards-bulk-result">
          <Result
            style={{ padding: '16px 0' }}
            status={failed.length === 0 ? 'success' : succeeded.length === 0 ? 'error' : 'warning'}
            title={t('hazards.bulk.summary', { ok: succeeded.length, failed: failed.length })}
          />
          {failed.length > 0 && (
            <Table<Outcome>
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={failed}
              scroll={{ y: 240 }}
              columns={[
                { key: 'hazard', title: t('hazards.fields.description'), ellipsis: true, render: (_, o) => o.description },
                { key: 'error', title: t('hazards.bulk.reason'), render: (_, o) => <Typography.Text type="danger">{o.error}</Typography.Text> },
              ]}
            />
          )}
        </div>
      ) : (
        <Form form={form} layout="vertical" onFinish={(values) => void run(values)} disabled={running}>
          <Alert type={action === 'cancel' ? 'warning' : 'info'} showIcon title={t(`hazards.bulk.hint.${action}`)} style={{ marginBottom: 16 }} />
          <Form.Item
            name="reason"
            label={t('hazards.action.reason')}
            rules={[{ required: true, whitespace: true, message: t('hazards.action.reasonRequired') }, { max: 1000 }]}
          >
            <Input.TextArea rows={4} maxLength={1000} showCount placeholder={t(`hazards.action.reasonPlaceholder.${action}`)} data-testid="hazards-bulk-reason" />
          </Form.Item>
          {running && <Progress percent={Math.round((done / hazards.length) * 100)} status="active" />}
        </Form>
      )}
    </Modal>
  );
}
