import { useState } from 'react';
import { Alert, App, Button, Empty, Form, InputNumber, Modal, Popconfirm, Progress, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ScheduleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { CampaignDetail, CampaignTargets, SquadWeek } from '@anxun/contracts';
import { LoadError } from '../../app/components/Status.tsx';
import { useErrorText, useFormErrorHandler } from '../../app/errors.ts';
import { useCampaignTargets, useEditTarget, usePlanTargets } from './api.ts';

type SquadRow = CampaignTargets['squads'][number];

/** One measure of one week: actual / target with a bar; red under half, green at or over target. */
function Measure({ name, actual, target, ratio }: { name: string; actual: number; target: number | undefined; ratio: number | null }) {
  const percent = ratio === null ? 0 : Math.round(ratio * 100);
  const status = ratio === null ? 'normal' : ratio >= 1 ? 'success' : ratio < 0.5 ? 'exception' : 'active';
  return (
    <div style={{ lineHeight: 1.3 }}>
      <div style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
        {name} {actual}/{target ?? '—'}
        {ratio !== null && <Typography.Text type={ratio >= 1 ? 'success' : ratio < 0.5 ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>{` · ${percent}%`}</Typography.Text>}
      </div>
      <Progress percent={Math.min(percent, 100)} size="small" showInfo={false} status={status} style={{ margin: 0, display: 'block', width: '100%' }} />
    </div>
  );
}

export function TargetsTab({ campaign }: { campaign: CampaignDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const targets = useCampaignTargets(campaign.id);
  const plan = usePlanTargets(campaign.id);
  const edit = useEditTarget(campaign.id);
  const [editing, setEditing] = useState<{ squad: SquadRow; week: SquadWeek } | null>(null);
  const [form] = Form.useForm<{ sitesInspected: number; hazardsClosed: number }>();
  const onFormError = useFormErrorHandler(form);

  if (targets.isError) return <LoadError error={targets.error} onRetry={() => void targets.refetch()} />;
  const data = targets.data;
  const canPlan = data?.allowed.plan === true;

  const weekColumns: TableColumnsType<SquadRow> = (data?.weeks ?? []).map((weekStart, index) => ({
    title: (
      <Space orientation="vertical" size={0}>
        <span>{t('campaigns.targets.week', { date: weekStart.slice(5) })}</span>
        {weekStart === data?.currentWeek && <Tag color="processing">{t('campaigns.targets.currentWeek')}</Tag>}
      </Space>
    ),
    key: weekStart,
    width: 150,
    onCell: () => (weekStart === data?.currentWeek ? { style: { background: '#f0f7ff' } } : {}),
    render: (_: unknown, squad: SquadRow) => {
      const week = squad.weeks[index]!;
      const body = (
        <Space orientation="vertical" size={2} style={{ width: '100%' }} data-testid={`target-${squad.squadId}-${weekStart}`}>
          <Measure name={t('campaigns.targets.sites')} actual={week.actual.sitesInspected} target={week.target?.sitesInspected} ratio={week.attainment.sitesInspected} />
          <Measure name={t('campaigns.targets.hazards')} actual={week.actual.hazardsClosed} target={week.target?.hazardsClosed} ratio={week.attainment.hazardsClosed} />
        </Space>
      );
      return canPlan ? (
        <div
          role="button"
          tabIndex={0}
          style={{ cursor: 'pointer' }}
          title={t('campaigns.targets.edit')}
          onClick={() => {
            setEditing({ squad, week });
            form.setFieldsValue({ sitesInspected: week.target?.sitesInspected ?? 0, hazardsClosed: week.target?.hazardsClosed ?? 0 });
          }}
        >
          {body}
        </div>
      ) : (
        body
      );
    },
  }));

  const columns: TableColumnsType<SquadRow> = [
    {
      title: t('campaigns.targets.squad'),
      key: 'squad',
      fixed: 'left',
      width: 150,
      render: (_, s) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{s.squadName}</Typography.Text>
          {s.zoneName && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{s.zoneName}</Typography.Text>}
        </Space>
      ),
    },
    { title: t('campaigns.targets.assigned'), dataIndex: 'sitesAssigned', width: 80 },
    {
      title: t('campaigns.targets.remaining'),
      key: 'remaining',
      width: 130,
      render: (_, s) => (
        <Space orientation="vertical" size={0} data-testid={`remaining-${s.squadId}`}>
          <span>{`${t('campaigns.targets.sites')} ${s.remaining.sitesInspected}`}</span>
          <span>{`${t('campaigns.targets.hazards')} ${s.remaining.hazardsClosed}`}</span>
        </Space>
      ),
    },
    ...weekColumns,
  ];

  const save = async () => {
    const values = await form.validateFields();
    try {
      await edit.mutateAsync({ squadId: editing!.squad.squadId, weekStart: editing!.week.weekStart, ...values });
      void message.success(t('campaigns.targets.saved'));
      setEditing(null);
    } catch (error) {
      onFormError(error);
    }
  };

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Alert type="info" showIcon title={t('campaigns.targets.rule')} />
      {canPlan && (
        <Popconfirm
          title={t('campaigns.targets.planConfirm')}
          overlayStyle={{ maxWidth: 360 }}
          onConfirm={() =>
            plan.mutateAsync(undefined).then(
              () => void message.success(t('campaigns.targets.planned')),
              (error: unknown) => void message.error(errorText(error)),
            )
          }
        >
          <Button type="primary" icon={<ScheduleOutlined />} loading={plan.isPending} disabled={!data?.squads.length} data-testid="targets-plan">
            {t('campaigns.targets.plan')}
          </Button>
        </Popconfirm>
      )}
      <Table<SquadRow>
        rowKey="squadId"
        size="small"
        bordered
        data-testid="targets-table"
        loading={targets.isFetching}
        columns={columns}
        dataSource={data?.squads ?? []}
        pagination={false}
        scroll={{ x: 360 + 150 * (data?.weeks.length ?? 0) }}
        locale={{ emptyText: <Empty description={t('campaigns.targets.noSquads')} /> }}
      />
      <Modal
        open={!!editing}
        title={editing ? t('campaigns.targets.editTitle', { squad: editing.squad.squadName, date: editing.week.weekStart }) : ''}
        onCancel={() => setEditing(null)}
        onOk={() => void save()}
        confirmLoading={edit.isPending}
        okButtonProps={{ 'data-testid': 'target-form-submit' } as Record<string, string>}
      >
        <Form form={form} layout="vertical">
          <Form.Item name="sitesInspected" label={t('campaigns.targets.sitesTarget')} rules={[{ required: true, message: t('campaigns.form.required') }]}>
            <InputNumber min={0} precision={0} style={{ width: '100%' }} data-testid="target-form-sites" />
          </Form.Item>
          <Form.Item name="hazardsClosed" label={t('campaigns.targets.hazardsTarget')} rules={[{ required: true, message: t('campaigns.form.required') }]}>
            <InputNumber min={0} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
