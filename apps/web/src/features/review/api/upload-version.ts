// POST /api/content-items/:id/versions (multipart `file`, optional `note`). XMLHttpRequest rather
// than fetch because fetch reports no upload progress, and videos are large.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ContentVersion } from '@vetted/contracts';
import { useState } from 'react';
import { ApiRequestError, buildApiUrl, notifyUnauthorized, toApiRequestError } from '../../../app/api-client';
import { itemChanged } from './item-changed';

export interface UploadProgress {
  loaded: number;
  total: number;
}

export interface UploadVersionVariables {
  itemId: string;
  file: File;
  note?: string;
}

export function uploadVersion({ itemId, file, note }: UploadVersionVariables, onProgress: (progress: UploadProgress) => void): Promise<ContentVersion> {
  const body = new FormData();
  if (note) body.append('note', note);
  // Fields before the file: multipart parsers stream the file and may not read fields after it.
  body.append('file', file, file.name);
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', buildApiUrl(`/content-items/${encodeURIComponent(itemId)}/versions`));
    request.responseType = 'json';
    request.setRequestHeader('Accept', 'application/json');
    request.upload.onprogress = (event) => onProgress({ loaded: event.loaded, total: event.lengthComputable ? event.total : file.size });
    request.onload = () => {
      if (request.status >= 200 && request.status < 300) {
        resolve(request.response as ContentVersion);
        return;
      }
      if (request.status === 401) notifyUnauthorized();
      reject(toApiRequestError(request.status, request.response, request.getResponseHeader('Retry-After')));
    };
    request.onerror = () => reject(new ApiRequestError(0, 'network'));
    request.send(body);
  });
}

export function useUploadVersion() {
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const mutation = useMutation({
    mutationFn: (variables: UploadVersionVariables) => {
      setProgress({ loaded: 0, total: variables.file.size });
      return uploadVersion(variables, setProgress);
    },
    onSuccess: (_version, { itemId }) => itemChanged(queryClient, itemId),
    onSettled: () => setProgress(null),
  });
  return { ...mutation, progress };
}
