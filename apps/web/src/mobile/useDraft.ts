import { useEffect, useRef, useState } from 'react';
import type { Dispatch, SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import { loadJson, saveJson } from './storage.ts';
import { toast } from './components/feedback.ts';

/**
 * A draft object mirrored to sessionStorage on every change. `restore` validates what was stored
 * (and may discard it); `create` makes a fresh one. If storage refuses the write (private mode,
 * full quota) the inspector is warned once that a reload would lose the work.
 */
export function usePersistentDraft<T>(key: string, restore: (stored: T | null) => T | null, create: () => T): [T, Dispatch<SetStateAction<T>>, { resumed: boolean }] {
  const { t } = useTranslation();
  const [initial] = useState(() => {
    const restored = restore(loadJson<T>(key));
    return { draft: restored ?? create(), resumed: !!restored };
  });
  const [draft, setDraft] = useState<T>(initial.draft);
  const warned = useRef(false);
  useEffect(() => {
    if (saveJson(key, draft) || warned.current) return;
    warned.current = true;
    toast(t('mobile.inspect.storageFull'), 5000);
  }, [key, draft, t]);
  return [draft, setDraft, { resumed: initial.resumed }];
}
