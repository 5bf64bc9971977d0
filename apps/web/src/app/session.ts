// The signed-in user, as the API knows it (GET /api/auth/me). null means nobody is signed in.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { SessionUser } from '@vetted/contracts';
import { apiRequest, ApiRequestError } from './api-client';
import { sessionQueryKey } from './query-keys';

export async function fetchSession(): Promise<SessionUser | null> {
  try {
    return await apiRequest<SessionUser>('/auth/me', { expectUnauthorized: true });
  } catch (error) {
    if (error instanceof ApiRequestError && error.status === 401) return null;
    throw error;
  }
}

export const sessionQueryOptions = queryOptions({ queryKey: sessionQueryKey, queryFn: fetchSession, staleTime: 5 * 60_000 });

export function useSession() {
  return useQuery(sessionQueryOptions);
}

/** For screens behind RequireSession, where the user is known to be signed in. */
export function useCurrentUser(): SessionUser {
  const { data } = useSession();
  if (!data) throw new Error('useCurrentUser used outside a signed-in route');
  return data;
}
