import { Button, DotLoading } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../errors.ts';

export function Loading() {
  const { t } = useTranslation();
  return (
    <div className="axm-center" role="status">
      <DotLoading color="primary" />
      <div>{t('mobile.loading')}</div>
    </div>
  );
}

export function Failure({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  return (
    <div className="axm-center" role="alert">
      <div>{errorText(error)}</div>
      {onRetry && (
        <Button color="primary" fill="outline" onClick={onRetry}>
          {t('mobile.retry')}
        </Button>
      )}
    </div>
  );
}

export function Empty({ children }: { children: React.ReactNode }) {
  return <div className="axm-center">{children}</div>;
}
