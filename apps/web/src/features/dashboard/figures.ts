import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dashboard, DashboardKpis } from '@anxun/contracts';
import { isEnglish } from '../../app/errors.ts';

export type KpiKey = keyof DashboardKpis;

/** The cards, in reading order: coverage, then hazards, then what needs chasing. */
export const KPI_KEYS: readonly KpiKey[] = ['sitesInScope', 'sitesInspected', 'inspectionRate', 'hazardsFound', 'hazardsClosed', 'closeOutRate', 'hazardsOverdue', 'openMajorHazards'];

export const isRate = (key: KpiKey) => key === 'inspectionRate' || key === 'closeOutRate';

/** A share as a percentage with one decimal; "—" when there is nothing to divide by. */
export const percent = (share: number | null | undefined) => (share === null || share === undefined ? '—' : `${(share * 100).toFixed(1)}%`);

/** Tooltip text of a figure, in the UI language, from the definitions the server sends with the figures. */
export function useDefinition(dashboard: Dashboard | undefined) {
  const { i18n } = useTranslation();
  const english = isEnglish(i18n.language);
  return useCallback((key: string) => {
    const definition = dashboard?.definitions[key];
    return definition ? (english ? definition.en : definition.zh) : '';
  }, [dashboard, english]);
}

/** A figure as shown on a card: rates as percentages, counts with digit grouping. */
export function useKpiText() {
  const { i18n } = useTranslation();
  const format = new Intl.NumberFormat(isEnglish(i18n.language) ? 'en-GB' : 'zh-CN');
  return (key: KpiKey, kpis: DashboardKpis | undefined) => {
    if (!kpis) return '—';
    const value = kpis[key];
    return isRate(key) ? percent(value) : format.format(value ?? 0);
  };
}
