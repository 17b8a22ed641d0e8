import { Card, Tabs, Typography } from 'antd';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../app/components/LanguageSwitch.tsx';
import { PageLoading } from '../../app/components/Status.tsx';
import { BrandMark } from '../../app/layout/BrandMark.tsx';
import { useMe } from './api.ts';
import { PasswordLoginForm } from './PasswordLoginForm.tsx';
import { PartyLoginForm } from './PartyLoginForm.tsx';

function targetOf(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('/login') ? from : '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const target = targetOf(location.state);

  if (me.isPending) return <PageLoading />;
  if (me.data) return <Navigate to={target} replace />;

  const done = () => void navigate(target, { replace: true });

  return (
    <div className="ax-login">
      <div style={{ position: 'absolute', top: 16, right: 24 }}>
        <LanguageSwitch ghost />
      </div>
      <div style={{ textAlign: 'center', marginBottom: 24, color: '#fff' }}>
        <BrandMark size={56} />
        <Typography.Title level={2} style={{ color: '#fff', margin: '12px 0 4px' }}>
          {t('common.appName')}
        </Typography.Title>
        <Typography.Text style={{ color: 'rgba(255,255,255,0.85)', fontSize: 16, letterSpacing: 2 }}>
          {t('common.tagline')}
        </Typography.Text>
      </div>
      <Card style={{ width: '100%', maxWidth: 400, boxShadow: '0 12px 32px rgba(0, 0, 0, 0.25)' }} styles={{ body: { padding: '8px 32px 24px' } }}>
        <Tabs
          centered
          size="large"
          items={[
            { key: 'password', label: t('auth.passwordTab'), children: <PasswordLoginForm onDone={done} /> },
            { key: 'party', label: t('auth.partyTab'), children: <PartyLoginForm onDone={done} /> },
          ]}
        />
      </Card>
      <Typography.Text style={{ color: 'rgba(255,255,255,0.65)', marginTop: 32, fontSize: 12 }}>{t('auth.footer')}</Typography.Text>
    </div>
  );
}
