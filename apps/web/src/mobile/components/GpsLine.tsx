import { useTranslation } from 'react-i18next';
import type { GpsState } from '../geo.ts';

/** 已定位 ±N 米, 定位中…, or why not with a retry. */
export function GpsLine({ state, onRetry }: { state: GpsState; onRetry: () => void }) {
  const { t } = useTranslation();
  if (state.status === 'ok') return <span className="axm-gps-ok">{t('mobile.gps.ok', { m: state.fix.accuracy ?? '?' })}</span>;
  if (state.status === 'error')
    return (
      <span className="axm-gps-bad">
        {t(`mobile.gps.${state.reason}`)}{' '}
        <button type="button" className="axm-link" onClick={onRetry}>
          {t('mobile.gps.retry')}
        </button>
      </span>
    );
  return <span>{t('mobile.gps.locating')}</span>;
}
