import { DASHBOARD_LOCALE } from '../../features/dashboard/locales.ts';
import { MAP_LOCALE } from '../../features/map/locales.ts';
import { CAMPAIGNS_LOCALE } from '../../features/campaigns/locales.ts';
import { RANKINGS_LOCALE } from '../../features/rankings/locales.ts';
import { BRIEFINGS_LOCALE } from '../../features/briefings/locales.ts';
import { NAILS_LOCALE } from '../../features/nails/locales.ts';
import { EXPORTS_LOCALE } from '../../features/exports/locales.ts';

/**
 * Strings of the features that keep their own locale file (`features/<name>/locales.ts`), merged
 * into the one translation namespace under their own top-level key, so the shared zh.ts/en.ts stay
 * small and features do not collide. Add one line per feature.
 */
export interface FeatureLocale {
  zh: Record<string, unknown>;
  en: Record<string, unknown>;
}

export const FEATURE_LOCALES: FeatureLocale[] = [DASHBOARD_LOCALE, MAP_LOCALE, CAMPAIGNS_LOCALE, RANKINGS_LOCALE, BRIEFINGS_LOCALE, NAILS_LOCALE, EXPORTS_LOCALE];
