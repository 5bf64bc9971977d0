// POST /api/auth/login: the API sets the httpOnly session cookie; the web keeps only the user.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LoginRequest, LoginResponse } from '@vetted/contracts';
import { apiRequest } from '../../../app/api-client';
import { sessionQueryKey } from '../../../app/query-keys';

export function login(body: LoginRequest): Promise<LoginResponse> {
  return apiRequest<LoginResponse>('/auth/login', { method: 'POST', body, expectUnauthorized: true });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: ({ user }) => {
      // Nothing cached for a previous user may show for this one.
      queryClient.removeQueries();
      queryClient.setQueryData(sessionQueryKey, user);
    },
  });
}
