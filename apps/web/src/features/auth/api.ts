import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Me } from '@anxun/contracts';
import { ApiRequestError, get, post } from '../../app/api.ts';

export const ME_KEY = ['auth', 'me'] as const;

async function fetchMe(): Promise<Me | null> {
  try {
    return await get<Me>('/auth/me');
  } catch (error) {
    if (error instanceof ApiRequestError && error.status === 401) return null;
    throw error;
  }
}

/** The logged-in user, or null when there is no session. */
export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 5 * 60_000, retry: 1 });
}

/** For pages under the auth guard; null only in the moment between logout and the redirect. */
export function useCurrentUser(): Me | null {
  return useMe().data ?? null;
}

export function useCan() {
  const me = useMe().data;
  return (feature: string) => !!me?.can[feature];
}

function useSession<TBody>(path: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TBody) => post<Me>(path, body),
    onSuccess: (me) => {
      // Another user's cached pages must never show through.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_KEY[0] });
      queryClient.setQueryData(ME_KEY, me);
    },
  });
}

export const useLogin = () => useSession<{ username: string; password: string }>('/auth/login');
export const usePartyLogin = () => useSession<{ phone: string; code: string }>('/auth/party/login');

export function usePartyCode() {
  return useMutation({ mutationFn: (phone: string) => post<{ ok: true }>('/auth/party/code', { phone }) });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => post<{ ok: true }>('/auth/logout'),
    onSettled: () => {
      // Set the user to null first so mounted pages see "logged out", never "loading".
      queryClient.setQueryData(ME_KEY, null);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_KEY[0] });
    },
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) => post<{ ok: true }>('/auth/password', body),
  });
}
