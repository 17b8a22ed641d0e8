import { useState } from 'react';
import type { FormEvent } from 'react';
import { Button } from 'antd-mobile';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLogin, useMe } from '../../features/auth/api.ts';
import { setLanguage } from '../../app/i18n.ts';
import { isEnglish, useErrorText } from '../errors.ts';
import { Loading } from '../components/Status.tsx';
import { Field, TextInput } from '../components/Field.tsx';

/** Only a path inside /m, so a crafted link cannot send the inspector elsewhere after login. */
function targetOf(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/m') && !from.startsWith('/m/login') ? from : '/m';
}

export default function LoginPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const login = useLogin();
  const errorText = useErrorText();
  const location = useLocation();
  const navigate = useNavigate();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [touched, setTouched] = useState(false);
  const target = targetOf(location.state);

  if (me.isPending) return <Loading />;
  if (me.data) return <Navigate to={target} replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!username.trim() || !password) return;
    login.mutate({ username: username.trim(), password }, { onSuccess: () => void navigate(target, { replace: true }) });
  };

  return (
    <div className="axm-login">
      <div className="axm-login-brand">
        <h1>{t('mobile.appName')}</h1>
        <div>{t('mobile.tagline')}</div>
      </div>
      <form className="axm-card" onSubmit={submit} noValidate>
        <h2 className="axm-card-title">{t('mobile.login.title')}</h2>
        {login.isError && (
          <div className="axm-error" role="alert" data-testid="m-login-error">
            {errorText(login.error)}
          </div>
        )}
        <Field label={t('mobile.login.username')} htmlFor="m-username" error={touched && !username.trim() && t('mobile.login.usernameRequired')}>
          <TextInput id="m-username" value={username} onChange={setUsername} autoComplete="username" autoCapitalize="none" data-testid="m-login-username" />
        </Field>
        <Field label={t('mobile.login.password')} htmlFor="m-password" error={touched && !password && t('mobile.login.passwordRequired')}>
          <TextInput id="m-password" type="password" value={password} onChange={setPassword} autoComplete="current-password" data-testid="m-login-password" />
        </Field>
        <Button type="submit" color="primary" block size="large" loading={login.isPending} data-testid="m-login-submit">
          {t('mobile.login.submit')}
        </Button>
        <div className="axm-login-foot">
          <button type="button" className="axm-link" onClick={() => setLanguage(isEnglish(i18n.language) ? 'zh' : 'en')}>
            {t('mobile.language')}
          </button>
          <a className="axm-link" href="/login">
            {t('mobile.desktop')}
          </a>
        </div>
      </form>
    </div>
  );
}
