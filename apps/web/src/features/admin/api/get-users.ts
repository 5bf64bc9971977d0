// GET /api/users (admins): who has access, with which roles.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { User } from '@vetted/contracts';
import { apiRequest } from '../../../app/api-client';

export const adminQueryKeys = { users: () => ['users'] as const };

export function fetchUsers(signal?: AbortSignal): Promise<User[]> {
  return apiRequest<User[]>('/users', { signal });
}

export const usersQueryOptions = queryOptions({ queryKey: adminQueryKeys.users(), queryFn: ({ signal }) => fetchUsers(signal) });

export function useUsers() {
  return useQuery(usersQueryOptions);
}
