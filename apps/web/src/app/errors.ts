import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { App } from 'antd';
import type { FormInstance } from 'antd';
import { ApiRequestError } from './api.ts';

export function isEnglish(language: string | undefined): boolean {
  return !!language && language.startsWith('en');
}

/** The server sends every message in both languages; pick the one the user reads. */
export function useErrorText() {
  const { i18n, t } = useTranslation();
  return useCallback(
    (error: unknown): string => {
      if (error instanceof ApiRequestError) return isEnglish(i18n.language) ? error.body.messageEn : error.body.message;
      if (error instanceof Error && error.message) return error.message;
      return t('common.unknownError');
    },
    [i18n.language, t],
  );
}

type FieldName = (string | number)[];

/** The registered field a server path belongs to: itself, its nearest parent, or its first child. */
function resolveField(dotted: string, registered: string[], remap: Record<string, FieldName>): string | undefined {
  const mapped = remap[dotted];
  if (mapped) return mapped.join('.');
  const parts = dotted.split('.');
  for (let n = parts.length; n > 0; n--) {
    const candidate = parts.slice(0, n).join('.');
    if (registered.includes(candidate)) return candidate;
  }
  return registered.find((name) => name.startsWith(`${dotted}.`));
}

/**
 * Puts `body.<field>` validation details on the matching form fields.
 * Returns the details that matched no field so the caller can show them another way.
 */
export function applyFieldErrors(
  form: FormInstance,
  error: unknown,
  language: string,
  remap: Record<string, FieldName> = {},
): string[] {
  if (!(error instanceof ApiRequestError) || !error.body.details) return [];
  const english = isEnglish(language);
  const registered = form.getFieldsError().map((field) => field.name.join('.'));
  const byField = new Map<string, string[]>();
  const unmatched: string[] = [];
  for (const detail of error.body.details) {
    const text = english ? detail.messageEn : detail.message;
    const field = detail.path.startsWith('body.') ? resolveField(detail.path.slice('body.'.length), registered, remap) : undefined;
    if (!field) {
      unmatched.push(text);
      continue;
    }
    byField.set(field, [...(byField.get(field) ?? []), text]);
  }
  form.setFields([...byField].map(([field, errors]) => ({ name: field.split('.'), errors })));
  return unmatched;
}

/**
 * The usual reaction to a failed form submit: details go onto their fields, and anything
 * not shown there (or an error without details) pops up as a message.
 */
export function useFormErrorHandler(form: FormInstance) {
  const { i18n } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  return useCallback(
    (error: unknown) => {
      const unmatched = applyFieldErrors(form, error, i18n.language);
      const onFields = form.getFieldsError().some((field) => field.errors.length > 0);
      if (unmatched.length) void message.error(unmatched.join('；'));
      else if (!onFields) void message.error(errorText(error));
    },
    [form, i18n.language, message, errorText],
  );
}
