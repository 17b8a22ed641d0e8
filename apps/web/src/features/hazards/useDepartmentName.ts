import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { isEnglish } from '../../app/errors.ts';
import { useDepartments } from '../users/api.ts';

/** Departments in the reader's language; falls back to the (Chinese) name the server sent. */
export function useDepartmentName() {
  const { i18n } = useTranslation();
  const departments = useDepartments();
  const english = isEnglish(i18n.language);
  const names = useMemo(() => new Map((departments.data ?? []).map((d) => [d.id, english ? d.nameEn : d.name])), [departments.data, english]);
  const name = useCallback((id: string | null | undefined, fallback?: string | null) => (id && names.get(id)) || fallback || '—', [names]);
  const options = useMemo(() => (departments.data ?? []).map((d) => ({ value: d.id, label: english ? d.nameEn : d.name })), [departments.data, english]);
  return { name, options, loading: departments.isPending };
}
