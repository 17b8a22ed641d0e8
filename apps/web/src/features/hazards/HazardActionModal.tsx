import { useState } from 'react';
import { Alert, App, Form, Input, Modal, Space } from 'antd';
import { ArrowRightOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { HazardAction, HazardDetail, PhotoRef } from '@anxun/contracts';
import { ApiRequestError } from '../../app/api.ts';
import { useFormErrorHandler } from '../../app/errors.ts';
import { hazardKeys, useHazardAction } from './api.ts';
import { HazardStatusTag } from './HazardTags.tsx';
import { ACTION_NEEDS, useHazardLabels } from './labels.ts';
import { PhotoUploader } from './Photos.tsx';

/** Spread into antd's button props, which do not declare data attributes. */
export const testId = (id: string) => ({ 'data-testid': id }) as Record<string, string>;

interface Values {
  reason?: string;
  evidence?: PhotoRef[];
}

interface Props {
  hazard: HazardDetail;
  action: HazardAction;
  onClose: () => void;
}

/** Asks exactly what the action needs (a reason, photos, or both) and sends the version the viewer saw. */
export function HazardActionModal({ hazard, action, onClose }: Props) {
  const { t } = useTranslation();
  const label = useHazardLabels();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const onError = useFormErrorHandler(form);
  const mutation = useHazardAction(hazard.id);
  const [uploading, setUploading] = useState(false);
  const needs = ACTION_NEEDS[action];
  const actionLabel = label('hazardAction', action);

  const submit = (values: Values) =>
    mutation.mutate(
      {
        action,
        version: hazard.version,
        ...(needs.reason ? { reason: values.reason?.trim() } : {}),
        ...(needs.evidence ? { evidence: (values.evidence ?? []).map((photo) => photo.key) } : {}),
      },
      {
        onSuccess: () => {
          void message.success(t('hazards.action.done', { action: actionLabel }));
          onClose();
        },
        onError: (error) => {
          // Someone else acted first: show the hazard as it is now rather than a stale form.
          if (error instanceof ApiRequestError && error.status === 409) {
            void queryClient.invalidateQueries({ queryKey: hazardKeys.detail(hazard.id) });
            onClose();
          }
          onError(error);
        },
      },
    );

  return (
    <Modal
      open
      title={actionLabel}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={actionLabel}
      okButtonProps={{ danger: action === 'cancel', loading: mutation.isPending, disabled: uploading, ...testId('hazard-action-confirm') }}
      cancelText={t('common.cancel')}
      destroyOnHidden
      mask={{ closable: false }}
      width={560}
    >
      <div data-testid={`hazard-action-modal-${action}`}>
        <Alert
          type={action === 'cancel' ? 'warning' : 'info'}
          showIcon
          style={{ marginBottom: 16 }}
          title={t(`hazards.action.hint.${action}`)}
          description={
            <Space size={6} style={{ marginTop: 4 }}>
              <HazardStatusTag status={hazard.status} />
              <ArrowRightOutlined style={{ fontSize: 11, color: 'rgba(0,0,0,0.45)' }} />
              <HazardStatusTag status={needs.to} />
            </Space>
          }
        />
        <Form form={form} layout="vertical" onFinish={submit} requiredMark>
          {needs.evidence && (
            <Form.Item
              name="evidence"
              label={t(`hazards.action.evidence.${action}`)}
              extra={t('hazards.photos.hint')}
              rules={[{ required: true, type: 'array', min: 1, message: t('hazards.action.evidenceRequired') }]}
            >
              <PhotoUploader siteId={hazard.siteId} onBusyChange={setUploading} />
            </Form.Item>
          )}
          {needs.reason && (
            <Form.Item
              name="reason"
              label={t('hazards.action.reason')}
              rules={[{ required: true, whitespace: true, message: t('hazards.action.reasonRequired') }, { max: 1000 }]}
            >
              <Input.TextArea rows={4} maxLength={1000} showCount placeholder={t(`hazards.action.reasonPlaceholder.${action}`)} data-testid="hazard-action-reason" />
            </Form.Item>
          )}
        </Form>
      </div>
    </Modal>
  );
}
