import { memo } from 'react';
import { Link } from 'react-router';
import { Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import type { MobileSite } from '../api.ts';
import { ColourDot } from './ColourDot.tsx';

export function useDistanceText() {
  const { t } = useTranslation();
  return (metres: number) =>
    metres < 1000 ? t('mobile.distance.m', { n: Math.round(metres) }) : t('mobile.distance.km', { n: (metres / 1000).toFixed(metres < 10_000 ? 1 : 0) });
}

export const SiteCard = memo(function SiteCard({ site, distanceM }: { site: MobileSite; distanceM: number | null }) {
  const { t } = useTranslation();
  const distanceText = useDistanceText();
  return (
    <Link to={`/m/sites/${site.id}`} className="axm-site-card" data-testid="m-site-card" data-id={site.id}>
      <div className="axm-site-card-head">
        <ColourDot colour={site.colour} />
        <span className="axm-site-card-name">{site.name}</span>
        {distanceM !== null && <span className="axm-site-card-distance">{distanceText(distanceM)}</span>}
      </div>
      <div className="axm-site-card-meta">
        <Tag color="primary" fill="outline">
          {t(`enum.siteKind.${site.kind}`, { defaultValue: site.kind })}
        </Tag>
        <span className="axm-ellipsis">{site.address}</span>
      </div>
    </Link>
  );
});
