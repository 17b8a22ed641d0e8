import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { HAZARD_LEVELS, HAZARD_STATUSES, RECTIFICATION_MODES } from '@anxun/contracts';
import type { HazardFilters } from './api.ts';

export const PAGE_SIZES = [10, 20, 50, 100];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function oneOf<T extends string>(values: readonly T[], raw: string | null): T | undefined {
  return raw && (values as readonly string[]).includes(raw) ? (raw as T) : undefined;
}

function positive(raw: string | null, fallback: number, max = Infinity): number {
  const value = Number(raw);
  return Number.isInteger(value) && value >= 1 ? Math.min(value, max) : fallback;
}

const uuid = (raw: string | null) => (raw && UUID.test(raw) ? raw : undefined);
const date = (raw: string | null) => (raw && DATE.test(raw) ? raw : undefined);

/**
 * The hazard list's filters live in the URL so a filtered ledger can be bookmarked and shared.
 * `defaults` fill in what the URL leaves out (the queue's department and status) and are not written back.
 */
export function useHazardFilters(defaults: Partial<HazardFilters> = {}) {
  const [params, setParams] = useSearchParams();
  const { departmentId: defaultDepartment, status: defaultStatus, sort } = defaults;

  const filters = useMemo<HazardFilters>(() => {
    const q = params.get('q')?.trim();
    return {
      page: positive(params.get('page'), 1),
      pageSize: positive(params.get('pageSize'), 20, 200),
      q: q || undefined,
      areaId: uuid(params.get('areaId')),
      siteId: uuid(params.get('siteId')),
      departmentId: uuid(params.get('departmentId')) ?? defaultDepartment,
      status: oneOf(HAZARD_STATUSES, params.get('status')) ?? defaultStatus,
      level: oneOf(HAZARD_LEVELS, params.get('level')),
      mode: oneOf(RECTIFICATION_MODES, params.get('mode')),
      overdue: oneOf(['true', 'false'] as const, params.get('overdue')),
      deadlineFrom: date(params.get('deadlineFrom')),
      deadlineTo: date(params.get('deadlineTo')),
      sort,
    };
  }, [params, defaultDepartment, defaultStatus, sort]);

  /** Any change of filter starts again from the first page. */
  const update = useCallback(
    (change: Partial<HazardFilters>) => {
      const next: Partial<HazardFilters> = { ...filters, ...('page' in change ? {} : { page: 1 }), ...change };
      const search = new URLSearchParams();
      for (const [key, value] of Object.entries(next)) {
        if (value === undefined || value === null || value === '' || key === 'sort') continue;
        if (key === 'page' && value === 1) continue;
        if (key === 'pageSize' && value === 20) continue;
        if (key in defaults && defaults[key as keyof HazardFilters] === value) continue;
        search.set(key, String(value));
      }
      setParams(search);
    },
    [filters, defaults, setParams],
  );

  const reset = useCallback(() => setParams(new URLSearchParams()), [setParams]);
  const active = !!(
    filters.q ||
    filters.areaId ||
    filters.siteId ||
    (filters.departmentId && filters.departmentId !== defaultDepartment) ||
    (filters.status && filters.status !== defaultStatus) ||
    filters.level ||
    filters.mode ||
    filters.overdue ||
    filters.deadlineFrom ||
    filters.deadlineTo
  );

  return { filters, update, reset, active };
}
