import { App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCurrentUser } from '../auth/api.ts';
import { isEnglish, useFormErrorHandler } from '../../app/errors.ts';
import { useDepartments } from '../users/api.ts';
import { useCreateChecklist } from './api.ts';
import type { ChecklistCreateInput } from './api.ts';

/** Admins pick any department; a department user creates only for its own, so the choice is fixed. */
export function CreateChecklistModal({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const me = useCurrentUser();
  const [form] = Form.useForm<ChecklistCreateInput>();
  const onError = useFormErrorHandler(form);
  const departments = useDepartments();
  const create = useCreateChecklist();
  const admin = !!me?.roles.includes('admin');
  const choices = (departments.data ?? []).filter((d) => admin || d.id === me?.departmentId);

  const submit = (values: ChecklistCreateInput) =>
    create.mutate(
      { ...values, code: values.code.trim(), name: values.name.trim(), nameEn: values.nameEn.trim() },
      {
        onSuccess: (created) => {
          void message.success(t('checklists.created'));
          onClose();
          void navigate(`/checklists/${created.id}`);
        },
        onError,
      },
    );

  return (
    <Modal
      open
      title={t('checklists.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Form<ChecklistCreateInput> form={form} layout="vertical" initialValues={{ departmentId: admin ? undefined : (me?.departmentId ?? undefined) }} onFinish={submit}>
        <Form.Item name="departmentId" label={t('checklists.department')} rules={[{ required: true, message: t('common.required') }]}>
          <Select
            disabled={!admin}
            loading={departments.isPending}
            placeholder={t('common.selectPlaceholder')}
            options={choices.map((d) => ({ value: d.id, label: isEnglish(i18n.language) ? d.nameEn : d.name }))}
          />
        </Form.Item>
        <Form.Item name="code" label={t('checklists.code')} extra={t('checklists.codeHint')} rules={[{ required: true, min: 2, max: 40, message: t('common.required') }]}>
          <Input maxLength={40} placeholder="FIRE-HIGHRISE" />
        </Form.Item>
        <Form.Item name="name" label={t('checklists.name')} rules={[{ required: true, whitespace: true, min: 2, max: 100, message: t('common.required') }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="nameEn" label={t('checklists.nameEn')} rules={[{ required: true, whitespace: true, min: 2, max: 100, message: t('common.required') }]}>
          <Input maxLength={100} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
