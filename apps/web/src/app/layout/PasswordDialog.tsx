import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useChangePassword } from '../../features/auth/api.ts';
import { applyFieldErrors, useErrorText } from '../errors.ts';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export function PasswordDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          void message.success(t('app.password.done'));
          onClose();
        },
        onError: (error) => {
          const unmatched = applyFieldErrors(form, error, i18n.language);
          if (unmatched.length || !form.getFieldsError().some((field) => field.errors.length)) {
            form.setFields([{ name: 'currentPassword', errors: [errorText(error)] }]);
          }
        },
      },
    );
  };

  return (
    <Modal
      title={t('app.password.title')}
      open={open}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={change.isPending}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false} requiredMark={false} style={{ marginTop: 16 }}>
        <Form.Item name="currentPassword" label={t('app.password.current')} rules={[{ required: true, message: t('common.required') }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('app.password.next')}
          rules={[
            { required: true, message: t('common.required') },
            { min: 8, message: t('app.password.minLength') },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('app.password.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('common.required') },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || getFieldValue('newPassword') === value ? Promise.resolve() : Promise.reject(new Error(t('app.password.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
