import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { HAZARD_LABELS_ZH, HazardAction, HazardStatus } from '@anxun/contracts';

export type HazardLabelGroup = keyof typeof HAZARD_LABELS_ZH;

/** Hazard enum labels: the contracts' Chinese, the English resources otherwise. */
export function useHazardLabels() {
  const { t } = useTranslation();
  return useCallback(
    (group: HazardLabelGroup, value: string | null | undefined): string =>
      value ? t(`hazards.enum.${group}.${value}`, { defaultValue: value }) : t('common.none'),
    [t],
  );
}

export function useHazardOptions() {
  const label = useHazardLabels();
  return useCallback(
    <V extends string>(group: HazardLabelGroup, values: readonly V[]) => values.map((value) => ({ value, label: label(group, value) })),
    [label],
  );
}

/** What each action asks of the user; mirrors the server's state machine. */
export const ACTION_NEEDS: Record<HazardAction, { reason: boolean; evidence: boolean; to: HazardStatus }> = {
  submit_rectification: { reason: false, evidence: true, to: 'pending_review' },
  approve: { reason: false, evidence: true, to: 'closed' },
  reject: { reason: true, evidence: false, to: 'open' },
  reinspect_fixed: { reason: false, evidence: true, to: 'closed' },
  reinspect_not_fixed: { reason: true, evidence: false, to: 'open' },
  close_on_spot: { reason: false, evidence: true, to: 'closed' },
  reopen: { reason: true, evidence: false, to: 'open' },
  cancel: { reason: true, evidence: false, to: 'cancelled' },
};

/** Forward actions get the primary button; destructive ones are red. */
export const ACTION_STYLE: Record<HazardAction, 'primary' | 'default' | 'danger'> = {
  submit_rectification: 'primary',
  approve: 'primary',
  reject: 'default',
  reinspect_fixed: 'primary',
  reinspect_not_fixed: 'default',
  close_on_spot: 'primary',
  reopen: 'default',
  cancel: 'danger',
};

export const STATUS_COLOURS: Record<HazardStatus, string> = {
  open: 'volcano',
  pending_review: 'processing',
  closed: 'success',
  cancelled: 'default',
};
