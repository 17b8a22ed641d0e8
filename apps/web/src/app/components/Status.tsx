import { Button, Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useErrorText } from '../errors.ts';
import { ApiRequestError } from '../api.ts';

export function PageLoading() {
  const { t } = useTranslation();
  return (
    <div style={{ padding: 80, textAlign: 'center' }}>
      <Spin size="large" description={t('common.loading')} />
    </div>
  );
}

export function NotFound({ subtitle }: { subtitle?: string }) {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title={t('common.notFoundTitle')}
      subTitle={subtitle ?? t('common.notFoundSub')}
      extra={
        <Link to="/">
          <Button type="primary">{t('common.backHome')}</Button>
        </Link>
      }
    />
  );
}

export function Forbidden() {
  const { t } = useTranslation();
  return (
    <Result
      status="403"
      title={t('common.forbiddenTitle')}
      subTitle={t('common.forbiddenSub')}
      extra={
        <Link to="/">
          <Button type="primary">{t('common.backHome')}</Button>
        </Link>
      }
    />
  );
}

/** A failed page load: 404s read as "not found", the rest offer a retry. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  if (error instanceof ApiRequestError && error.status === 404) return <NotFound subtitle={errorText(error)} />;
  if (error instanceof ApiRequestError && error.status === 403) return <Forbidden />;
  return (
    <Result
      status="error"
      title={t('common.loadFailed')}
      subTitle={errorText(error)}
      extra={onRetry && <Button onClick={onRetry}>{t('common.retry')}</Button>}
    />
  );
}
