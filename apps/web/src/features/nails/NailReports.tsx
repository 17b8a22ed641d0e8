import { useEffect } from 'react';
import { Alert, App, Button, Card, Empty, Form, Input, InputNumber, Select, Slider, Space, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { NailDetail, NailStatus } from '@anxun/contracts';
import { useFormatters } from '../../app/labels.ts';
import { useFormErrorHandler } from '../../app/errors.ts';
import type { useNailChange } from './api.ts';
import { NailStatusTag } from './NailTags.tsx';

interface Values {
  progress: number;
  status: NailStatus;
  note: string;
}

/** 进展报告: the form for those who may report, then every report, newest first. */
export function NailReports({ nail, change }: { nail: NailDetail; change: ReturnType<typeof useNailChange> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const format = useFormatters();
  const [form] = Form.useForm<Values>();
  const onError = useFormErrorHandler(form);
  const reopening = nail.status === 'resolved';

  useEffect(() => {
    form.setFieldsValue({ progress: reopening ? Math.min(nail.progress, 99) : nail.progress, status: nail.reportStatuses[0], note: '' });
  }, [nail.progress, nail.status, nail.reportStatuses, reopening, form]);

  const submit = async (values: Values) => {
    await change.mutateAsync({ kind: 'report', body: values }).then(() => {
      void message.success(t('nails.detail.reported'));
      form.setFieldValue('note', '');
    }, onError);
  };

  return (
    <Card title={t('nails.detail.updates')}>
      {nail.reportStatuses.length > 0 ? (
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} data-testid="nail-report-form" className="nails-report-form">
          {reopening && <Alert type="warning" showIcon title={t('nails.detail.reopenHint')} style={{ marginBottom: 12 }} />}
          <Space wrap align="start" size="large">
            <Form.Item label={t('nails.detail.progress')} required style={{ minWidth: 280 }}>
              <Space>
                <Form.Item name="progress" noStyle>
                  <Slider min={0} max={100} style={{ width: 180 }} />
                </Form.Item>
                <Form.Item name="progress" noStyle rules={[{ required: true, message: t('common.required') }]}>
                  <InputNumber min={0} max={100} precision={0} suffix="%" style={{ width: 90 }} data-testid="nail-report-progress" />
                </Form.Item>
              </Space>
            </Form.Item>
            <Form.Item name="status" label={t('nails.detail.status')} rules={[{ required: true, message: t('common.required') }]}>
              <Select style={{ width: 140 }} options={nail.reportStatuses.map((s) => ({ value: s, label: t(`nails.status.${s}`) }))} data-testid="nail-report-status" />
            </Form.Item>
          </Space>
          <Form.Item name="note" label={reopening ? t('nails.detail.reopenNote') : t('nails.detail.note')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
            <Input.TextArea rows={2} maxLength={2000} data-testid="nail-report-note" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={change.isPending} data-testid="nail-report-submit">
            {t('nails.detail.report')}
          </Button>
        </Form>
      ) : (
        <Typography.Paragraph type="secondary">{t('nails.detail.cannotReport')}</Typography.Paragraph>
      )}
      <div style={{ marginTop: 24 }}>
        {nail.updates.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('nails.detail.noUpdates')} />
        ) : (
          <Timeline
            items={nail.updates.map((u) => ({
              color: u.status === 'resolved' ? 'green' : 'blue',
              content: (
                <div data-testid="nail-update">
                  <Space wrap>
                    <Typography.Text strong>{u.progress}%</Typography.Text>
                    <NailStatusTag status={u.status} />
                    <Typography.Text type="secondary">
                      {u.reporterName ?? '—'} · {format.dateTime(u.reportedAt)}
                    </Typography.Text>
                  </Space>
                  <div className="nails-plan-block">{u.note}</div>
                </div>
              ),
            }))}
          />
        )}
      </div>
    </Card>
  );
}
