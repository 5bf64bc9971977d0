// The discussion of the current version: the viewer (image with marks, or player) beside its threads.
import type { CommentAnchor, CommentThread, ContentItem } from '@vetted/contracts';
import { useMemo, useRef, useState } from 'react';
import { useCurrentUser } from '../../../app/session';
import { canComment } from '../../../app/permissions';
import { useCommentThreads, useThreadAction } from '../api/comments';
import type { RegionAnchor } from '../comment-anchor';
import { CommentsPanel } from './comments-panel';
import { mediaKindOf, VersionViewer } from './version-viewer';

const NO_THREADS: CommentThread[] = [];

export function VersionDiscussion({ item }: { item: ContentItem }) {
  const version = item.versions.find((v) => v.number === item.currentVersion);
  if (!version) return null;
  return <Discussion item={item} versionNumber={version.number} />;
}

function Discussion({ item, versionNumber }: { item: ContentItem; versionNumber: number }) {
  const user = useCurrentUser();
  const version = item.versions.find((v) => v.number === versionNumber)!;
  const threads = useCommentThreads(item.id, versionNumber).data?.threads ?? NO_THREADS;
  const action = useThreadAction(item.id);
  const mediaRef = useRef<HTMLMediaElement | null>(null);
  const [pendingAnchor, setPendingAnchor] = useState<CommentAnchor | null>(null);
  const [drawing, setDrawing] = useState(false);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const marks = useMemo(
    () =>
      threads.flatMap((th, i) => (th.anchor?.kind === 'region' && !th.resolvedAt ? [{ id: th.id, label: `#${i + 1}`, anchor: th.anchor as RegionAnchor }] : [])),
    [threads],
  );

  const show = (thread: CommentThread) => {
    setSelectedId(thread.id);
    if (thread.anchor?.kind === 'time' && mediaRef.current) {
      mediaRef.current.currentTime = thread.anchor.seconds;
      mediaRef.current.focus();
    }
  };

  return (
    <div className="version-discussion">
      <div className="panel viewer-panel">
        <VersionViewer
          itemId={item.id}
          version={version}
          mediaRef={mediaRef}
          marks={marks}
          selectedId={selectedId}
          drawing={drawing}
          onRegionDrawn={(region) => {
            setPendingAnchor(region);
            setDrawing(false);
          }}
        />
      </div>
      <CommentsPanel
        threads={threads}
        canComment={canComment(user.roles)}
        mediaKind={mediaKindOf(version.asset.mimeType)}
        pendingAnchor={pendingAnchor}
        drawing={drawing}
        selectedId={selectedId}
        error={action.error}
        pending={action.isPending}
        onToggleDrawing={() => setDrawing((d) => !d)}
        onUseCurrentTime={() => mediaRef.current && setPendingAnchor({ kind: 'time', seconds: Math.round(mediaRef.current.currentTime * 10) / 10 })}
        onClearAnchor={() => setPendingAnchor(null)}
        onShow={show}
        onStart={async (body) => {
          await action.mutateAsync({ kind: 'start', body: { versionNumber, body, ...(pendingAnchor ? { anchor: pendingAnchor } : {}) } });
          setPendingAnchor(null);
        }}
        onReply={(threadId, body) => action.mutateAsync({ kind: 'reply', threadId, body })}
        onSetResolved={(threadId, resolved) => action.mutate({ kind: resolved ? 'resolve' : 'reopen', threadId })}
      />
    </div>
  );
}
