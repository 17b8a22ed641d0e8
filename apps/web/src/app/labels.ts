import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { LABELS_ZH } from '@anxun/contracts';
import { isEnglish } from './errors.ts';

export type LabelGroup = keyof typeof LABELS_ZH;

/** Enum labels from the contracts in Chinese, from the English resources otherwise. */
export function useLabels() {
  const { t } = useTranslation();
  return useCallback(
    (group: LabelGroup, value: string | null | undefined): string =>
      value ? t(`enum.${group}.${value}`, { defaultValue: value }) : t('common.none'),
    [t],
  );
}

/** Select options for one enum group, in the order the contracts list the values. */
export function useEnumOptions() {
  const label = useLabels();
  return useCallback(
    <V extends string>(group: LabelGroup, values: readonly V[]) => values.map((value) => ({ value, label: label(group, value) })),
    [label],
  );
}

export function useFormatters() {
  const { i18n } = useTranslation();
  const locale = isEnglish(i18n.language) ? 'en-GB' : 'zh-CN';
  return {
    dateTime: (iso: string | null | undefined) =>
      iso ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)) : '—',
    number: (value: number | null | undefined) => (value === null || value === undefined ? '—' : new Intl.NumberFormat(locale).format(value)),
    bytes: (size: number) => {
      if (size < 1024) return `${size} B`;
      if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`;
      return `${(size / 1024 / 1024).toFixed(1)} MB`;
    },
  };
}
