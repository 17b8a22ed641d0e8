import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckItem } from '@anxun/contracts';

type Group = 'domain' | 'answerType' | 'status';

/** Checklist enum labels: the contracts' Chinese, the English resources otherwise. */
export function useChecklistLabels() {
  const { t } = useTranslation();
  return useCallback((group: Group, value: string): string => t(`checklists.${group}.${value}`, { defaultValue: value }), [t]);
}

/** "< 1.1 m fails", "3 options (1 fail)": the answer configuration in a few words. */
export function useAnswerSummary() {
  const { t } = useTranslation();
  return useCallback(
    (item: Pick<CheckItem, 'answerType' | 'threshold' | 'choices'>): string | null => {
      if (item.answerType === 'number' && item.threshold) return t('checklists.item.failsWhen', item.threshold);
      if (item.answerType === 'choice' && item.choices) {
        return item.choices.map((c) => (c.fails ? `✗ ${c.label}` : `✓ ${c.label}`)).join(' / ');
      }
      return null;
    },
    [t],
  );
}
