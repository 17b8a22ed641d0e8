import { NAILS_LOCALE } from '../../features/nails/locales.ts';
import { CAMPAIGNS_LOCALE } from '../../features/campaigns/locales.ts';
import { RANKINGS_LOCALE } from '../../features/rankings/locales.ts';
import { BRIEFINGS_LOCALE } from '../../features/briefings/locales.ts';
import { EXPORTS_LOCALE } from '../../features/exports/locales.ts';

import { mapLocales } from '../../features/map/locales.ts';
import { dashboardLocales } from '../../features/dashboard/locales.ts';
/**
 * Strings of the features that keep their own locale file (`features/<name>/locales.ts`), merged
 * into the one translation namespace under their own top-level key, so the shared zh.ts/en.ts stay
 * small and features do not collide. Add one line per feature.
 */
export interface FeatureLocale {
  zh: Record<string, unknown>;
  en: Record<string, unknown>;
}

export const FEATURE_LOCALES: FeatureLocale[] = [NAILS_LOCALE, CAMPAIGNS_LOCALE, EXPORTS_LOCALE, mapLocales, RANKINGS_LOCALE, dashboardLocales, BRIEFINGS_LOCALE];
