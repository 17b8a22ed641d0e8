import { useTranslation } from 'react-i18next';
import type { Page } from '../../app/api.ts';

type Totals = Pick<Page<unknown>, 'total' | 'totalCapped'>;

/**
 * What antd's pagination is told: past a capped count (or on a has-more page) one row more than
 * known, so the next page stays reachable while the server says more rows exist.
 */
export function paginationTotal(page: Totals | undefined): number {
  if (!page) return 0;
  return page.totalCapped ? page.total + 1 : page.total;
}

/** "1,234" or "10,000+". */
export function countText(page: Totals | undefined): string | undefined {
  if (!page) return undefined;
  return `${page.total.toLocaleString()}${page.totalCapped ? '+' : ''}`;
}

/** The pagination's "共 N 条" / "共 10,000+ 条". */
export function useTotalText() {
  const { t } = useTranslation();
  return (page: Totals | undefined) => (page?.totalCapped ? t('exports.totalAtLeast', { n: page.total.toLocaleString() }) : t('common.total', { count: page?.total ?? 0 }));
}
