import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { RISK_LEVELS, SITE_COLOURS, SITE_FLAGS, SITE_KINDS } from '@anxun/contracts';
import type { RiskLevel, SiteColour, SiteFlag, SiteKind } from '@anxun/contracts';

export interface SiteFilters {
  page: number;
  pageSize: number;
  q?: string;
  areaId?: string;
  kind?: SiteKind;
  riskLevel?: RiskLevel;
  colour?: SiteColour;
  flag?: SiteFlag;
}

export const PAGE_SIZES = [10, 20, 50, 100];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function oneOf<T extends string>(values: readonly T[], raw: string | null): T | undefined {
  return raw && (values as readonly string[]).includes(raw) ? (raw as T) : undefined;
}

function positive(raw: string | null, fallback: number, max = Infinity): number {
  const value = Number(raw);
  return Number.isInteger(value) && value >= 1 ? Math.min(value, max) : fallback;
}

/** The sites list's filters live in the URL, so a filtered list can be bookmarked and shared. */
export function useSiteFilters() {
  const [params, setParams] = useSearchParams();

  const filters = useMemo<SiteFilters>(() => {
    const q = params.get('q')?.trim();
    const areaId = params.get('areaId');
    return {
      page: positive(params.get('page'), 1),
      pageSize: positive(params.get('pageSize'), 20, 200),
      q: q || undefined,
      areaId: areaId && UUID.test(areaId) ? areaId : undefined,
      kind: oneOf(SITE_KINDS, params.get('kind')),
      riskLevel: oneOf(RISK_LEVELS, params.get('riskLevel')),
      colour: oneOf(SITE_COLOURS, params.get('colour')),
      flag: oneOf(SITE_FLAGS, params.get('flag')),
    };
  }, [params]);

  /** Any change of filter starts again from the first page. */
  const update = useCallback(
    (change: Partial<SiteFilters>) => {
      const next = { ...filters, ...('page' in change ? {} : { page: 1 }), ...change };
      const search = new URLSearchParams();
      for (const [key, value] of Object.entries(next)) {
        if (value === undefined || value === null || value === '') continue;
        if (key === 'page' && value === 1) continue;
        if (key === 'pageSize' && value === 20) continue;
        search.set(key, String(value));
      }
      setParams(search);
    },
    [filters, setParams],
  );

  const reset = useCallback(() => setParams(new URLSearchParams()), [setParams]);
  const active = !!(filters.q || filters.areaId || filters.kind || filters.riskLevel || filters.colour || filters.flag);

  return { filters, update, reset, active };
}
