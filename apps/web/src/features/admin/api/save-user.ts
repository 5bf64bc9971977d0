// POST /api/users and PATCH /api/users/:id (admins): grant access, change roles, deactivate.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateUserRequest, UpdateUserRequest, User } from '@vetted/contracts';
import { apiRequest } from '../../../app/api-client';
import { adminQueryKeys } from './get-users';

export type SaveUser = { kind: 'create'; body: CreateUserRequest } | { kind: 'update'; id: string; body: UpdateUserRequest };

export function saveUser(save: SaveUser): Promise<User> {
  return save.kind === 'create'
    ? apiRequest<User>('/users', { method: 'POST', body: save.body })
    : apiRequest<User>(`/users/${encodeURIComponent(save.id)}`, { method: 'PATCH', body: save.body });
}

export function useSaveUser() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: saveUser, onSuccess: () => queryClient.invalidateQueries({ queryKey: adminQueryKeys.users() }) });
}
