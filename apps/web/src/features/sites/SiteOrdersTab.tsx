import { useState } from 'react';
import type { ReactNode } from 'react';
import { Alert, App, Button, DatePicker, Empty, Form, Input, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { CheckOutlined, PauseCircleOutlined, PlayCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import type { SiteOrdersView } from '@anxun/contracts';
import { useErrorText, useFormErrorHandler } from '../../app/errors.ts';
import { useFormatters } from '../../app/labels.ts';
import { testId } from '../hazards/HazardActionModal.tsx';
import { useSiteOrder } from './ordersApi.ts';

type YellowCard = SiteOrdersView['yellowCards'][number];
type Suspension = SiteOrdersView['suspensions'][number];

function YellowCardModal({ siteId, onClose }: { siteId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ deadline: Dayjs; reason: string }>();
  const onError = useFormErrorHandler(form);
  const order = useSiteOrder(siteId);
  return (
    <Modal
      open
      title={t('siteOrders.yellow.issue')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('siteOrders.yellow.issue')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: order.isPending, ...testId('yellow-card-confirm') }}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <Alert type="warning" showIcon title={t('siteOrders.yellow.hint')} style={{ marginBottom: 16 }} />
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) =>
          order.mutate(
            { kind: 'yellowCard', deadline: values.deadline.format('YYYY-MM-DD'), reason: values.reason.trim() },
            {
              onSuccess: () => {
                void message.success(t('siteOrders.yellow.issued'));
                onClose();
              },
              onError,
            },
          )
        }
      >
        <Form.Item name="deadline" label={t('siteOrders.yellow.deadline')} rules={[{ required: true, message: t('common.required') }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(day) => !day.isAfter(dayjs(), 'day')} data-testid="yellow-card-deadline" />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('siteOrders.reason')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }, { min: 2, max: 1000 }]}
        >
          <Input.TextArea rows={4} maxLength={1000} showCount data-testid="yellow-card-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function SuspensionModal({ siteId, mode, onClose }: { siteId: string; mode: 'suspend' | 'lift'; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const onError = useFormErrorHandler(form);
  const order = useSiteOrder(siteId);
  const title = mode === 'suspend' ? t('siteOrders.suspension.suspend') : t('siteOrders.suspension.lift');
  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={title}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: order.isPending, danger: mode === 'suspend', ...testId(`suspension-${mode}-confirm`) }}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <Alert type={mode === 'suspend' ? 'error' : 'info'} showIcon title={t(`siteOrders.suspension.${mode}Hint`)} style={{ marginBottom: 16 }} />
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) =>
          order.mutate(
            { kind: mode, reason: values.reason.trim() },
            {
              onSuccess: () => {
                void message.success(mode === 'suspend' ? t('siteOrders.suspension.suspended') : t('siteOrders.suspension.lifted'));
                onClose();
              },
              onError,
            },
          )
        }
      >
        <Form.Item
          name="reason"
          label={t('siteOrders.reason')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }, { min: 2, max: 1000 }]}
        >
          <Input.TextArea rows={4} maxLength={1000} showCount data-testid="suspension-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function Section({ title, extra, children }: { title: ReactNode; extra?: ReactNode; children: ReactNode }) {
  return (
    <section style={{ marginBottom: 24 }}>
      <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', marginBottom: 12, gap: 12, flexWrap: 'wrap' }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {extra}
      </div>
      {children}
    </section>
  );
}

/** 黄牌警告 and 停业整顿: the list of orders, with issue/resolve/suspend/lift only where allowed. */
export function SiteOrdersTab({ siteId, view }: { siteId: string; view: SiteOrdersView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const format = useFormatters();
  const order = useSiteOrder(siteId);
  const [dialog, setDialog] = useState<'yellowCard' | 'suspend' | 'lift' | null>(null);
  const active = view.suspensions.find((s) => !s.liftedAt);
  const yellowCards = [...view.yellowCards].sort((a, b) => b.issuedAt.localeCompare(a.issuedAt));
  const suspensions = [...view.suspensions].sort((a, b) => b.orderedAt.localeCompare(a.orderedAt));
  const dash = t('common.none');

  const resolve = (card: YellowCard) =>
    order.mutate(
      { kind: 'resolveYellowCard', id: card.id },
      { onSuccess: () => void message.success(t('siteOrders.yellow.resolved')), onError: (error) => void message.error(errorText(error)) },
    );

  return (
    <div data-testid="site-orders" style={{ paddingTop: 8 }}>
      {active && (
        <Alert
          type="error"
          showIcon
          icon={<PauseCircleOutlined />}
          style={{ marginBottom: 20 }}
          title={t('siteOrders.suspension.activeSince', { at: format.dateTime(active.orderedAt) })}
          description={active.reason}
          data-testid="site-suspended"
          action={
            view.allowed['lift'] && (
              <Button icon={<PlayCircleOutlined />} onClick={() => setDialog('lift')} data-testid="suspension-lift">
                {t('siteOrders.suspension.lift')}
              </Button>
            )
          }
        />
      )}
      <Section
        title={t('siteOrders.yellow.title')}
        extra={
          view.allowed['yellowCard'] && (
            <Button icon={<WarningOutlined />} onClick={() => setDialog('yellowCard')} style={{ borderColor: '#d4b106', color: '#ad8b00' }} data-testid="yellow-card-issue">
              {t('siteOrders.yellow.issue')}
            </Button>
          )
        }
      >
        <Table<YellowCard>
          size="middle"
          rowKey="id"
          pagination={false}
          dataSource={yellowCards}
          data-testid="yellow-cards"
          scroll={{ x: 820 }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('siteOrders.yellow.empty')} /> }}
          columns={[
            { key: 'number', title: t('siteOrders.yellow.number'), width: 210, render: (_, card) => <Typography.Text strong>{card.number}</Typography.Text> },
            { key: 'reason', title: t('siteOrders.reason'), render: (_, card) => <span style={{ whiteSpace: 'pre-wrap' }}>{card.reason}</span> },
            {
              key: 'deadline',
              title: t('siteOrders.yellow.deadline'),
              width: 170,
              render: (_, card) => (
                <Space size={4}>
                  <Typography.Text type={card.overdue && !card.resolvedAt ? 'danger' : undefined}>{card.deadline}</Typography.Text>
                  {card.overdue && !card.resolvedAt && <Tag color="red">{t('hazards.overdue')}</Tag>}
                </Space>
              ),
            },
            { key: 'issuedAt', title: t('siteOrders.yellow.issuedAt'), width: 170, render: (_, card) => format.dateTime(card.issuedAt) },
            {
              key: 'status',
              title: t('siteOrders.status'),
              width: 190,
              render: (_, card) =>
                card.resolvedAt ? (
                  <Space orientation="vertical" size={0}>
                    <Tag color="success">{t('siteOrders.yellow.resolvedTag')}</Tag>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {format.dateTime(card.resolvedAt)}
                    </Typography.Text>
                  </Space>
                ) : view.allowed['resolveYellowCard'] ? (
                  <Popconfirm title={t('siteOrders.yellow.resolveConfirm')} onConfirm={() => resolve(card)} okText={t('common.ok')} cancelText={t('common.cancel')}>
                    <Button size="small" icon={<CheckOutlined />} loading={order.isPending} data-testid="yellow-card-resolve">
                      {t('siteOrders.yellow.resolve')}
                    </Button>
                  </Popconfirm>
                ) : (
                  <Tag color="gold">{t('siteOrders.yellow.activeTag')}</Tag>
                ),
            },
          ]}
        />
      </Section>
      <Section
        title={t('siteOrders.suspension.title')}
        extra={
          view.allowed['suspend'] &&
          !active && (
            <Button danger icon={<PauseCircleOutlined />} onClick={() => setDialog('suspend')} data-testid="suspension-suspend">
              {t('siteOrders.suspension.suspend')}
            </Button>
          )
        }
      >
        <Table<Suspension>
          size="middle"
          rowKey="id"
          pagination={false}
          dataSource={suspensions}
          data-testid="suspensions"
          scroll={{ x: 820 }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('siteOrders.suspension.empty')} /> }}
          columns={[
            { key: 'orderedAt', title: t('siteOrders.suspension.orderedAt'), width: 180, render: (_, s) => format.dateTime(s.orderedAt) },
            { key: 'reason', title: t('siteOrders.reason'), render: (_, s) => <span style={{ whiteSpace: 'pre-wrap' }}>{s.reason}</span> },
            {
              key: 'status',
              title: t('siteOrders.status'),
              width: 120,
              render: (_, s) => (s.liftedAt ? <Tag color="success">{t('siteOrders.suspension.liftedTag')}</Tag> : <Tag color="red">{t('siteOrders.suspension.activeTag')}</Tag>),
            },
            { key: 'liftedAt', title: t('siteOrders.suspension.liftedAt'), width: 180, render: (_, s) => format.dateTime(s.liftedAt) },
            { key: 'liftReason', title: t('siteOrders.suspension.liftReason'), render: (_, s) => s.liftReason ?? dash },
          ]}
        />
      </Section>
      {dialog === 'yellowCard' && <YellowCardModal siteId={siteId} onClose={() => setDialog(null)} />}
      {(dialog === 'suspend' || dialog === 'lift') && <SuspensionModal siteId={siteId} mode={dialog} onClose={() => setDialog(null)} />}
    </div>
  );
}
