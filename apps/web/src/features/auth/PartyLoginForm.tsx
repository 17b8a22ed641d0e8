import { useEffect, useState } from 'react';
import { Alert, App, Button, Form, Input, Space, Typography } from 'antd';
import { MessageOutlined, MobileOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { MOBILE_PATTERN } from '@anxun/contracts';
import { applyFieldErrors, useErrorText } from '../../app/errors.ts';
import { usePartyCode, usePartyLogin } from './api.ts';

interface Values {
  phone: string;
  code: string;
}

const RESEND_SECONDS = 60;

export function PartyLoginForm({ onDone }: { onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<Values>();
  const requestCode = usePartyCode();
  const login = usePartyLogin();
  const [wait, setWait] = useState(0);

  useEffect(() => {
    if (wait <= 0) return;
    const timer = window.setTimeout(() => setWait((seconds) => seconds - 1), 1000);
    return () => window.clearTimeout(timer);
  }, [wait]);

  const sendCode = async () => {
    const values = await form.validateFields(['phone']).catch(() => null);
    if (!values) return;
    requestCode.mutate(values.phone, {
      onSuccess: () => {
        setWait(RESEND_SECONDS);
        void message.success(t('auth.codeSent'));
      },
      onError: (error) => applyFieldErrors(form, error, i18n.language),
    });
  };

  const submit = (values: Values) =>
    login.mutate(values, { onSuccess: onDone, onError: (error) => applyFieldErrors(form, error, i18n.language) });

  const failure = login.error ?? requestCode.error;
  return (
    <Form form={form} layout="vertical" size="large" requiredMark={false} onFinish={submit} style={{ marginTop: 8 }}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t('auth.partyHint')}
      </Typography.Paragraph>
      {failure && <Alert type="error" showIcon title={errorText(failure)} style={{ marginBottom: 16 }} />}
      <Form.Item name="phone" rules={[{ required: true, pattern: MOBILE_PATTERN, message: t('common.phoneInvalid') }]}>
        <Input prefix={<MobileOutlined />} placeholder={t('auth.phone')} maxLength={11} inputMode="numeric" autoComplete="tel" data-testid="party-phone" />
      </Form.Item>
      <Form.Item required>
        <Space.Compact style={{ width: '100%' }}>
          <Form.Item name="code" noStyle rules={[{ required: true, pattern: /^\d{6}$/, message: t('auth.codeInvalid') }]}>
            <Input prefix={<MessageOutlined />} placeholder={t('auth.code')} maxLength={6} inputMode="numeric" autoComplete="one-time-code" data-testid="party-code" />
          </Form.Item>
          <Button onClick={() => void sendCode()} disabled={wait > 0} loading={requestCode.isPending} style={{ minWidth: 128 }} data-testid="party-send-code">
            {wait > 0 ? t('auth.resendIn', { seconds: wait }) : t('auth.sendCode')}
          </Button>
        </Space.Compact>
      </Form.Item>
      <Form.Item style={{ marginBottom: 0 }}>
        <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="party-submit">
          {t('auth.submit')}
        </Button>
      </Form.Item>
    </Form>
  );
}
