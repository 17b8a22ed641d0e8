import { Button } from 'antd-mobile';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { InspectionResult } from '@anxun/contracts';
import { GPS_FLAG_DISTANCE_M } from '@anxun/contracts';
import { ColourDot } from './ColourDot.tsx';
import { CheckIcon } from './icons.tsx';
import { useGoBack } from './MPage.tsx';

interface Props {
  kind: 'inspection' | 'reinspection';
  result: InspectionResult;
  /**
   * A re-inspection's outcome from what was sent: the result's `hazards` lists only hazards the
   * visit created, which a re-inspection never does.
   */
  reinspected?: { fixed: number; notFixed: number };
  /** The server had stored an earlier version (its answer was lost); later edits are not in it. */
  recovered?: boolean;
  /** Called before leaving, to drop the finished draft. */
  onLeave: () => void;
}

export function ResultView({ kind, result, reinspected, recovered, onLeave }: Props) {
  const { t } = useTranslation();
  const goBack = useGoBack();
  const navigate = useNavigate();
  /** Back to the site (normally the previous page), or home to the task list. */
  const toSite = () => {
    onLeave();
    goBack(`/m/sites/${result.siteId}`);
  };
  const toHome = () => {
    onLeave();
    void navigate('/m', { replace: true });
  };
  return (
    <div className="axm-result" data-testid="m-result" data-hazards={result.hazards.length} data-colour={result.colour}>
      <div className="axm-result-icon">
        <CheckIcon />
      </div>
      <h2>{t(kind === 'inspection' ? 'mobile.result.inspection' : 'mobile.result.reinspection')}</h2>
      <div className="axm-muted">
        {kind === 'inspection'
          ? result.hazards.length
            ? t('mobile.result.hazards', { count: result.hazards.length })
            : t('mobile.result.noHazards')
          : t('mobile.result.reinspected', { fixed: reinspected?.fixed ?? 0, notFixed: reinspected?.notFixed ?? 0 })}
      </div>
      {recovered && (
        <div className="axm-warning" role="alert" data-testid="m-recovered-warning">
          {t('mobile.result.recovered')}
        </div>
      )}
      {result.farFromSite && (
        <div className="axm-warning" role="alert" data-testid="m-far-warning">
          {t('mobile.result.far', { distance: Math.round(result.distanceM ?? 0), limit: GPS_FLAG_DISTANCE_M })}
        </div>
      )}
      <div className="axm-card axm-result-stats">
        <dl className="axm-desc">
          <dt>{t('mobile.result.colour')}</dt>
          <dd>
            <ColourDot colour={result.colour} withLabel />
          </dd>
          {result.noticeId && result.noticeNumber && (
            <>
              <dt>{t('mobile.result.notice')}</dt>
              <dd>
                <a className="axm-notice-link" href={`/api/notices/${result.noticeId}/pdf`} target="_blank" rel="noreferrer" data-testid="m-notice-link">
                  {result.noticeNumber}
                </a>
              </dd>
            </>
          )}
        </dl>
      </div>
      <div className="axm-result-actions">
        <Button color="primary" block onClick={toSite} data-testid="m-back-to-site">
          {t('mobile.result.backToSite')}
        </Button>
        <Button block onClick={toHome} data-testid="m-back-home">
          {t('mobile.result.home')}
        </Button>
      </div>
    </div>
  );
}
