// The discussion of the current version, shared by the two places it shows: the viewer in the main
// area (marks over the asset, drawing a region) and the threads in the side panel (CommentsPanel).
import type { CommentAnchor, CommentThread, ContentItem, ContentVersion } from '@vetted/contracts';
import { useMemo, useRef, useState, type RefObject } from 'react';
import { canComment } from '../../../app/permissions';
import { useCurrentUser } from '../../../app/session';
import { useCommentThreads, useThreadAction } from '../api/comments';
import type { CommentsPanelProps } from './comments-panel';
import { mediaKindOf, type ViewerMark } from './version-viewer';

const NO_THREADS: CommentThread[] = [];

export interface VersionDiscussion {
  version: ContentVersion | undefined;
  threads: CommentThread[];
  marks: ViewerMark[];
  mediaRef: RefObject<HTMLMediaElement | null>;
  selectedId: string | null;
  drawing: boolean;
  setPendingAnchor: (anchor: CommentAnchor | null) => void;
  setDrawing: (drawing: boolean) => void;
  /** Selects a thread and brings its moment or region into view. */
  show: (thread: CommentThread) => void;
  /** What CommentsPanel needs (it stays a unit: the workspace only places it). */
  panel: CommentsPanelProps | null;
}

export function useVersionDiscussion(item: ContentItem): VersionDiscussion {
  const user = useCurrentUser();
  const version = item.versions.find((v) => v.number === item.currentVersion);
  const versionNumber = version?.number ?? 0;
  const threadsQuery = useCommentThreads(item.id, versionNumber, version !== undefined);
  const threads = threadsQuery.data?.threads ?? NO_THREADS;
  const action = useThreadAction(item.id);
  const mediaRef = useRef<HTMLMediaElement | null>(null);
  const [pendingAnchor, setPendingAnchor] = useState<CommentAnchor | null>(null);
  const [drawing, setDrawing] = useState(false);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const marks = useMemo(() => threads.flatMap((th, i) => (th.anchor && !th.resolvedAt ? [{ id: th.id, label: `#${i + 1}`, anchor: th.anchor }] : [])), [threads]);

  const show = (thread: CommentThread) => {
    setSelectedId(thread.id);
    if (thread.anchor?.kind === 'time' && mediaRef.current) {
      mediaRef.current.currentTime = thread.anchor.seconds;
      mediaRef.current.focus();
    }
  };

  const panel: CommentsPanelProps | null = version
    ? {
        threads,
        canComment: canComment(user.roles),
        mediaKind: mediaKindOf(version.asset.mimeType),
        pendingAnchor,
        drawing,
        selectedId,
        error: action.error,
        pending: action.isPending,
        onToggleDrawing: () => setDrawing((d) => !d),
        onUseCurrentTime: () => mediaRef.current && setPendingAnchor({ kind: 'time', seconds: Math.round(mediaRef.current.currentTime * 10) / 10 }),
        onClearAnchor: () => setPendingAnchor(null),
        onShow: show,
        onStart: async (body) => {
          await action.mutateAsync({ kind: 'start', body: { versionNumber, body, ...(pendingAnchor ? { anchor: pendingAnchor } : {}) } });
          setPendingAnchor(null);
        },
        onReply: (threadId, body) => action.mutateAsync({ kind: 'reply', threadId, body }),
        onSetResolved: (threadId, resolved) => action.mutate({ kind: resolved ? 'resolve' : 'reopen', threadId }),
      }
    : null;

  return { version, threads, marks, mediaRef, selectedId, drawing, setPendingAnchor, setDrawing, show, panel };
}
