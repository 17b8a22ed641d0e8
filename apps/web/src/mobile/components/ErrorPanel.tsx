import { useTranslation } from 'react-i18next';
import type { ErrorView } from '../errors.ts';

/**
 * A failed submit, at the top of the screen: the server's message and each validation detail,
 * with `describe` naming the item a detail's path points at.
 */
export function ErrorPanel({ error, describe }: { error: ErrorView; describe?: (path: string) => string | undefined }) {
  const { t } = useTranslation();
  return (
    <div className="axm-error" role="alert" data-testid="m-error">
      <strong>{t('mobile.errors.title')}</strong>
      <div>{error.network ? t('mobile.errors.network') : error.message}</div>
      {error.details.length > 0 && (
        <ul>
          {error.details.map((detail, index) => {
            const where = describe?.(detail.path);
            return <li key={index}>{where ? t('mobile.errors.onItem', { code: where, message: detail.message }) : detail.message}</li>;
          })}
        </ul>
      )}
    </div>
  );
}
