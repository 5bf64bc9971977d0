// Signing out: the API revokes the session and clears the cookie; the web forgets everything it cached.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { apiRequest } from './api-client';
import { sessionQueryKey } from './query-keys';

export function useLogout() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => apiRequest<void>('/auth/logout', { method: 'POST', expectUnauthorized: true }),
    onSettled: async () => {
      await navigate('/login', { replace: true });
      queryClient.removeQueries();
      queryClient.setQueryData(sessionQueryKey, null);
    },
  });
}
