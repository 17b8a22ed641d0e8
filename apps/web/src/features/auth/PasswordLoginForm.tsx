import { Alert, Button, Form, Input } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, useErrorText } from '../../app/errors.ts';
import { useLogin } from './api.ts';

interface Values {
  username: string;
  password: string;
}

export function PasswordLoginForm({ onDone }: { onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const [form] = Form.useForm<Values>();
  const login = useLogin();

  const submit = (values: Values) =>
    login.mutate(values, {
      onSuccess: onDone,
      onError: (error) => applyFieldErrors(form, error, i18n.language),
    });

  return (
    <Form form={form} layout="vertical" size="large" requiredMark={false} onFinish={submit} style={{ marginTop: 8 }}>
      {login.isError && (
        <Alert type="error" showIcon title={errorText(login.error)} style={{ marginBottom: 16 }} data-testid="login-error" />
      )}
      <Form.Item name="username" rules={[{ required: true, whitespace: true, message: t('auth.usernameRequired') }]}>
        <Input prefix={<UserOutlined />} placeholder={t('auth.username')} autoComplete="username" autoFocus data-testid="login-username" />
      </Form.Item>
      <Form.Item name="password" rules={[{ required: true, message: t('auth.passwordRequired') }]}>
        <Input.Password prefix={<LockOutlined />} placeholder={t('auth.password')} autoComplete="current-password" data-testid="login-password" />
      </Form.Item>
      <Form.Item style={{ marginBottom: 0 }}>
        <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
          {t('auth.submit')}
        </Button>
      </Form.Item>
    </Form>
  );
}
