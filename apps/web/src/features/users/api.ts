import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Department, Role, User } from '@anxun/contracts';
import { get, patch, post } from '../../app/api.ts';
import type { Page } from '../../app/api.ts';

export interface UserQuery {
  page: number;
  pageSize: number;
  q?: string;
  role?: Role;
}

export interface UserCreateBody {
  username: string;
  displayName: string;
  phone?: string | null;
  password: string;
  roles: Role[];
  departmentId?: string | null;
  scopeAreaIds: string[];
}

export type UserUpdateBody = Partial<Omit<UserCreateBody, 'username'>> & { active?: boolean };

export function useUsers(query: UserQuery) {
  return useQuery({
    queryKey: ['users', 'list', query],
    queryFn: ({ signal }) => get<Page<User>>('/users', { ...query }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useDepartments() {
  return useQuery({
    queryKey: ['departments'],
    queryFn: ({ signal }) => get<Department[]>('/departments', undefined, signal),
    staleTime: 10 * 60_000,
  });
}

export function useSaveUser(id: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UserCreateBody | UserUpdateBody) =>
      id ? patch<User>(`/users/${id}`, body) : post<User>('/users', body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
}
