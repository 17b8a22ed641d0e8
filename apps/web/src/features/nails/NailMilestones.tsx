import { useState } from 'react';
import { App, Button, Card, DatePicker, Empty, Form, Input, Space, Tag, Timeline, Typography } from 'antd';
import { CheckCircleFilled, CheckOutlined, ClockCircleOutlined, PlusOutlined, WarningFilled } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { NailDetail } from '@anxun/contracts';
import { useErrorText, useFormErrorHandler } from '../../app/errors.ts';
import type { useNailChange } from './api.ts';

interface Props {
  nail: NailDetail;
  change: ReturnType<typeof useNailChange>;
}

/** 节点计划: milestones in due order; done ones green, overdue ones red. */
export function NailMilestones({ nail, change }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<{ title: string; dueOn: Dayjs }>();
  const onError = useFormErrorHandler(form);
  const [adding, setAdding] = useState(false);

  const complete = (milestoneId: string) =>
    change.mutateAsync({ kind: 'complete', milestoneId }).then(
      () => void message.success(t('nails.detail.completed')),
      (error: unknown) => void message.error(errorText(error)),
    );

  const add = async () => {
    const values = await form.validateFields();
    await change.mutateAsync({ kind: 'milestone', title: values.title, dueOn: values.dueOn.format('YYYY-MM-DD') }).then(() => {
      form.resetFields();
      setAdding(false);
    }, onError);
  };

  return (
    <Card
      title={t('nails.detail.milestones')}
      extra={
        nail.allowed.addMilestone && !adding ? (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="milestone-add">
            {t('nails.detail.addMilestone')}
          </Button>
        ) : undefined
      }
    >
      {adding && (
        <Form form={form} layout="inline" style={{ marginBottom: 16, rowGap: 8 }} onFinish={() => void add()}>
          <Form.Item name="title" rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
            <Input placeholder={t('nails.detail.milestoneTitle')} maxLength={200} style={{ width: 240 }} data-testid="milestone-title" />
          </Form.Item>
          <Form.Item name="dueOn" rules={[{ required: true, message: t('common.required') }]}>
            <DatePicker placeholder={t('nails.detail.dueOn')} data-testid="milestone-due" />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" loading={change.isPending} data-testid="milestone-save">
              {t('common.save')}
            </Button>
            <Button onClick={() => setAdding(false)}>{t('common.cancel')}</Button>
          </Space>
        </Form>
      )}
      {nail.milestones.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('nails.detail.noMilestones')} />
      ) : (
        <Timeline
          items={nail.milestones.map((m) => ({
            color: m.doneOn ? 'green' : m.overdue ? 'red' : 'blue',
            icon: m.doneOn ? <CheckCircleFilled /> : m.overdue ? <WarningFilled /> : <ClockCircleOutlined />,
            content: (
              <div data-testid={`milestone-${m.id}`} className="nails-milestone">
                <Space wrap>
                  <Typography.Text strong delete={false}>
                    {m.title}
                  </Typography.Text>
                  <Typography.Text type={m.overdue ? 'danger' : 'secondary'}>
                    {t('nails.detail.dueOn')} {m.dueOn}
                  </Typography.Text>
                  {m.overdue && <Tag color="error">{t('nails.overdue')}</Tag>}
                  {m.doneOn && (
                    <Tag color="success">
                      {t('nails.detail.doneOn')} {m.doneOn}
                    </Tag>
                  )}
                  {!m.doneOn && nail.allowed.completeMilestone && (
                    <Button size="small" type="link" icon={<CheckOutlined />} onClick={() => void complete(m.id)} data-testid={`milestone-complete-${m.id}`}>
                      {t('nails.detail.complete')}
                    </Button>
                  )}
                </Space>
              </div>
            ),
          }))}
        />
      )}
    </Card>
  );
}
