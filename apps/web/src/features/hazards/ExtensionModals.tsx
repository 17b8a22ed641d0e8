import { Alert, App, DatePicker, Descriptions, Form, Input, Modal, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import type { HazardDetail } from '@anxun/contracts';
import { useFormErrorHandler } from '../../app/errors.ts';
import { useFormatters } from '../../app/labels.ts';
import { useDecideExtension, useRequestExtension } from './api.ts';
import { testId } from './HazardActionModal.tsx';

type Extension = HazardDetail['extensions'][number];

export function ExtensionRequestModal({ hazard, onClose }: { hazard: HazardDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ newDeadline: Dayjs; reason: string }>();
  const onError = useFormErrorHandler(form);
  const mutation = useRequestExtension(hazard.id);
  const current = hazard.deadline ? dayjs(hazard.deadline) : null;

  return (
    <Modal
      open
      title={t('hazards.extension.requestTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: mutation.isPending, ...testId('extension-request-confirm') }}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('hazards.extension.requestHint', { deadline: hazard.deadline ?? '—' })} />
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) =>
          mutation.mutate(
            { newDeadline: values.newDeadline.format('YYYY-MM-DD'), reason: values.reason.trim() },
            {
              onSuccess: () => {
                void message.success(t('hazards.extension.requested'));
                onClose();
              },
              onError,
            },
          )
        }
      >
        <Form.Item name="newDeadline" label={t('hazards.extension.newDeadline')} rules={[{ required: true, message: t('common.required') }]}>
          <DatePicker
            style={{ width: '100%' }}
            disabledDate={(day) => (current ? !day.isAfter(current, 'day') : day.isBefore(dayjs(), 'day'))}
            data-testid="extension-new-deadline"
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('hazards.extension.reason')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 5000 }]}
        >
          <Input.TextArea rows={4} maxLength={5000} showCount placeholder={t('hazards.extension.reasonPlaceholder')} data-testid="extension-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function ExtensionDecisionModal({ hazard, extension, onClose }: { hazard: HazardDetail; extension: Extension; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const format = useFormatters();
  const [form] = Form.useForm<{ approve: boolean; reason?: string }>();
  const onError = useFormErrorHandler(form);
  const mutation = useDecideExtension(hazard.id);
  const approve = Form.useWatch('approve', form) ?? true;

  return (
    <Modal
      open
      title={t('hazards.extension.decideTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: mutation.isPending, danger: !approve, ...testId('extension-decision-confirm') }}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <Descriptions
        size="small"
        column={1}
        bordered
        style={{ marginBottom: 16 }}
        items={[
          { key: 'from', label: t('hazards.extension.fromDeadline'), children: extension.fromDeadline },
          { key: 'to', label: t('hazards.extension.newDeadline'), children: <strong>{extension.newDeadline}</strong> },
          { key: 'reason', label: t('hazards.extension.reason'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{extension.reason}</span> },
          { key: 'at', label: t('hazards.extension.requestedAt'), children: format.dateTime(extension.requestedAt) },
        ]}
      />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ approve: true }}
        onFinish={(values) =>
          mutation.mutate(
            { extensionId: extension.id, approve: values.approve, reason: values.reason?.trim() || undefined },
            {
              onSuccess: () => {
                void message.success(values.approve ? t('hazards.extension.approved') : t('hazards.extension.rejected'));
                onClose();
              },
              onError,
            },
          )
        }
      >
        <Form.Item name="approve" label={t('hazards.extension.decision')}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={[
              { value: true, label: t('hazards.extension.approve') },
              { value: false, label: t('hazards.extension.reject') },
            ]}
            data-testid="extension-decision"
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('hazards.extension.decisionReason')}
          rules={[{ required: !approve, whitespace: true, message: t('hazards.extension.rejectReasonRequired') }, { max: 1000 }]}
        >
          <Input.TextArea rows={3} maxLength={1000} showCount data-testid="extension-decision-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
