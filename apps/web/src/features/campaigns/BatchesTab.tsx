import { useState } from 'react';
import { Alert, App, Button, Checkbox, Form, Input, Modal, Radio, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { CheckCircleFilled, ClockCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { BATCH_KINDS, BATCH_SIGNOFF_ROLES } from '@anxun/contracts';
import type { BatchDecision, BatchKind, BatchSignoffRole, CampaignDetail, Site } from '@anxun/contracts';
import { get } from '../../app/api.ts';
import type { Page } from '../../app/api.ts';
import { LoadError } from '../../app/components/Status.tsx';
import { useErrorText, useFormErrorHandler } from '../../app/errors.ts';
import { useFormatters } from '../../app/labels.ts';
import { useBatches, useProposeBatch, useSignBatch, type BatchFilters } from './api.ts';

const BATCH_COLOUR: Record<BatchKind, string> = { model: 'green', upgrade: 'gold', shutdown: 'red' };
const submitId = (id: string) => ({ 'data-testid': id }) as Record<string, string>;

function useEnterpriseSearch(q: string) {
  return useQuery({
    queryKey: ['sites', 'batch-search', q],
    queryFn: ({ signal }) => get<Page<Site>>('/sites', { q, kind: 'enterprise', pageSize: 20 }, signal),
    enabled: q.trim().length > 0,
    placeholderData: keepPreviousData,
  });
}

function ProposeModal({ campaignId, open, onClose }: { campaignId: string; open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ siteId: string; batch: BatchKind; reason: string }>();
  const onError = useFormErrorHandler(form);
  const propose = useProposeBatch(campaignId);
  const [q, setQ] = useState('');
  const sites = useEnterpriseSearch(q);
  const submit = async () => {
    const values = await form.validateFields();
    try {
      await propose.mutateAsync(values);
      void message.success(t('campaigns.batches.proposed'));
      form.resetFields();
      onClose();
    } catch (error) {
      onError(error);
    }
  };
  const required = [{ required: true, message: t('campaigns.form.required') }];
  return (
    <Modal open={open} title={t('campaigns.batches.proposeTitle')} onCancel={onClose} onOk={() => void submit()} confirmLoading={propose.isPending} destroyOnHidden okButtonProps={submitId('batch-propose-submit')}>
      <Form form={form} layout="vertical" initialValues={{ batch: 'upgrade' }}>
        <Form.Item name="siteId" label={t('campaigns.batches.site')} rules={required}>
          <Select
            showSearch={{ filterOption: false, onSearch: setQ }}
            placeholder={t('campaigns.batches.siteSearch')}
            loading={sites.isFetching}
            options={(sites.data?.items ?? []).map((s) => ({ value: s.id, label: `${s.name}（${s.areaName}）` }))}
            data-testid="batch-propose-site"
          />
        </Form.Item>
        <Form.Item name="batch" label={t('campaigns.batches.batch')} rules={required}>
          <Radio.Group optionType="button" buttonStyle="solid" options={BATCH_KINDS.map((b) => ({ value: b, label: t(`campaigns.batch.${b}`) }))} />
        </Form.Item>
        <Form.Item name="reason" label={t('campaigns.batches.reason')} rules={required}>
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="batch-propose-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The three sign-offs in their fixed order: who signed, when, with what comment, or still waiting. */
function Signoffs({ decision }: { decision: BatchDecision }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <Space orientation="vertical" size={2}>
      {BATCH_SIGNOFF_ROLES.map((role) => {
        const s = decision.signoffs.find((x) => x.role === role);
        return (
          <div key={role} data-testid={`signoff-${decision.id}-${role}`} style={{ fontSize: 13 }}>
            {s ? <CheckCircleFilled style={{ color: '#389e0d' }} /> : <ClockCircleOutlined style={{ color: '#bfbfbf' }} />}{' '}
            <Typography.Text strong={!!s} type={s ? undefined : 'secondary'}>
              {t(`campaigns.signoffRole.${role}`)}
            </Typography.Text>{' '}
            {s ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {`${s.signerName} · ${format.dateTime(s.signedAt)}${s.comment ? ` ·「${s.comment}」` : ''}`}
              </Typography.Text>
            ) : (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('campaigns.batches.waiting')}
              </Typography.Text>
            )}
          </div>
        );
      })}
    </Space>
  );
}

export function BatchesTab({ campaign }: { campaign: CampaignDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const format = useFormatters();
  const [filters, setFilters] = useState<BatchFilters>({ page: 1 });
  const batches = useBatches(campaign.id, filters);
  const sign = useSignBatch();
  const [proposing, setProposing] = useState(false);
  const [signing, setSigning] = useState<{ decision: BatchDecision; role: BatchSignoffRole } | null>(null);
  const [comment, setComment] = useState('');
  const setFilter = (patch: Partial<BatchFilters>) => setFilters((f) => ({ ...f, ...patch, page: 1 }));

  const columns: TableColumnsType<BatchDecision> = [
    {
      title: t('campaigns.batches.columns.site'),
      key: 'site',
      width: 200,
      render: (_, d) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/sites/${d.siteId}`}>{d.siteName}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {d.areaName}
          </Typography.Text>
        </Space>
      ),
    },
    { title: t('campaigns.batches.columns.batch'), dataIndex: 'batch', width: 100, render: (b: BatchKind) => <Tag color={BATCH_COLOUR[b]}>{t(`campaigns.batch.${b}`)}</Tag> },
    {
      title: t('campaigns.batches.columns.reason'),
      key: 'reason',
      render: (_, d) => (
        <Space orientation="vertical" size={0}>
          <span>{d.reason}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('campaigns.batches.proposedBy', { name: d.proposedByName ?? '—', at: format.dateTime(d.proposedAt) })}
          </Typography.Text>
        </Space>
      ),
    },
    { title: t('campaigns.batches.columns.signoffs'), key: 'signoffs', width: 320, render: (_, d) => <Signoffs decision={d} /> },
    {
      title: t('campaigns.batches.columns.state'),
      key: 'state',
      width: 110,
      render: (_, d) =>
        d.supersededAt ? <Tag>{t('campaigns.batches.superseded')}</Tag> : d.decidedAt ? <Tag color="success">{t('campaigns.batches.decided')}</Tag> : <Tag color="warning">{t('campaigns.batches.pending')}</Tag>,
    },
    {
      title: t('campaigns.batches.columns.actions'),
      key: 'actions',
      width: 150,
      render: (_, d) => (
        <Space orientation="vertical" size={4}>
          {d.canSign.map((role) => (
            <Button
              key={role}
              size="small"
              type="primary"
              ghost
              onClick={() => {
                setComment('');
                setSigning({ decision: d, role });
              }}
              data-testid={`batch-sign-${d.id}-${role}`}
            >
              {t('campaigns.batches.signAs', { role: t(`campaigns.signoffRole.${role}`) })}
            </Button>
          ))}
        </Space>
      ),
    },
  ];

  const decided = batches.data?.decided;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Alert type="info" showIcon title={t('campaigns.batches.rule')} description={decided && <span data-testid="batches-summary">{t('campaigns.batches.summary', decided)}</span>} />
      <Space wrap>
        <Segmented
          value={filters.batch ?? 'all'}
          onChange={(v) => setFilter({ batch: v === 'all' ? undefined : (v as BatchKind) })}
          options={[{ value: 'all', label: t('campaigns.batches.stateAll') }, ...BATCH_KINDS.map((b) => ({ value: b, label: t(`campaigns.batch.${b}`) }))]}
        />
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder={t('campaigns.batches.columns.state')}
          value={filters.state}
          onChange={(state?: 'pending' | 'decided') => setFilter({ state })}
          options={[
            { value: 'pending', label: t('campaigns.batches.pending') },
            { value: 'decided', label: t('campaigns.batches.decided') },
          ]}
        />
        <Checkbox checked={!!filters.history} onChange={(e) => setFilter({ history: e.target.checked })}>
          {t('campaigns.batches.history')}
        </Checkbox>
        {campaign.allowed.propose && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setProposing(true)} data-testid="batch-propose">
            {t('campaigns.batches.propose')}
          </Button>
        )}
      </Space>
      {batches.isError ? (
        <LoadError error={batches.error} onRetry={() => void batches.refetch()} />
      ) : (
        <Table<BatchDecision>
          rowKey="id"
          size="middle"
          data-testid="batches-table"
          loading={batches.isFetching}
          columns={columns}
          dataSource={batches.data?.items ?? []}
          pagination={{ current: filters.page, pageSize: 20, total: batches.data?.total ?? 0, onChange: (page) => setFilters((f) => ({ ...f, page })) }}
          scroll={{ x: 1000 }}
          locale={{ emptyText: t('campaigns.batches.empty') }}
        />
      )}
      <ProposeModal campaignId={campaign.id} open={proposing} onClose={() => setProposing(false)} />
      <Modal
        open={!!signing}
        title={signing ? `${t('campaigns.batches.signTitle')} · ${t(`campaigns.signoffRole.${signing.role}`)} · ${signing.decision.siteName}` : ''}
        onCancel={() => setSigning(null)}
        confirmLoading={sign.isPending}
        okButtonProps={submitId('batch-sign-submit')}
        onOk={() =>
          sign.mutateAsync({ decisionId: signing!.decision.id, role: signing!.role, comment }).then(
            () => {
              void message.success(t('campaigns.batches.signed'));
              setSigning(null);
            },
            (error: unknown) => void message.error(errorText(error)),
          )
        }
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          {signing && <Tag color={BATCH_COLOUR[signing.decision.batch]}>{t(`campaigns.batch.${signing.decision.batch}`)}</Tag>}
          {signing && <Typography.Paragraph>{signing.decision.reason}</Typography.Paragraph>}
          <Input.TextArea rows={3} maxLength={500} placeholder={t('campaigns.batches.comment')} value={comment} onChange={(e) => setComment(e.target.value)} data-testid="batch-sign-comment" />
        </Space>
      </Modal>
    </Space>
  );
}
