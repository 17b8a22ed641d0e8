import { useCallback } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '../app/api.ts';
import { ME_KEY } from '../features/auth/api.ts';

// The desktop helpers in app/errors.ts import antd; these stay free of it to keep /m small.

export const isEnglish = (language: string | undefined) => !!language && language.startsWith('en');

export interface ErrorView {
  message: string;
  details: { path: string; message: string }[];
  /** No answer from the server: the request may or may not have arrived. */
  network: boolean;
  /** The server refused the content (4xx other than 401): it stored nothing. */
  rejected: boolean;
  /** 409 inspection_id_reused: this id is already stored with other content. */
  idReused: boolean;
}

export function useErrorView() {
  const { i18n, t } = useTranslation();
  return useCallback(
    (error: unknown): ErrorView => {
      const english = isEnglish(i18n.language);
      if (error instanceof ApiRequestError) {
        return {
          message: english ? error.body.messageEn : error.body.message,
          details: (error.body.details ?? []).map((detail) => ({ path: detail.path, message: english ? detail.messageEn : detail.message })),
          network: error.status === 0,
          rejected: error.status >= 400 && error.status < 500 && error.status !== 401,
          idReused: error.status === 409 && error.body.code === 'inspection_id_reused',
        };
      }
      const message = error instanceof Error && error.message ? error.message : t('common.unknownError');
      return { message, details: [], network: false, rejected: false, idReused: false };
    },
    [i18n.language, t],
  );
}

export function useErrorText() {
  const view = useErrorView();
  return useCallback((error: unknown) => view(error).message, [view]);
}

/**
 * Calls made outside TanStack Query (photo uploads) still have to end the session on a 401, so
 * the guard sends the inspector to the login page; the draft waits in sessionStorage.
 */
export function useOnUnauthorised() {
  const queryClient = useQueryClient();
  return useCallback(
    (error: unknown) => {
      if (error instanceof ApiRequestError && error.status === 401) queryClient.setQueryData(ME_KEY, null);
    },
    [queryClient],
  );
}
