// Threads on the version: each with its mark (region or time code), replies, resolve / reopen;
// a form starts a new thread, optionally pinned to the region just drawn or the player's time.
import type { CommentAnchor, CommentThread } from '@vetted/contracts';
import { X } from 'lucide-react';
import { useId, useState, type FormEvent } from 'react';
import { ErrorMessage } from '../../../components/error-message';
import { formatDateTime } from '../../../i18n/format-date';
import { useT } from '../../../i18n/use-t';
import { formatTimeCode } from '../comment-anchor';
import type { MediaKind } from './version-viewer';

export interface CommentsPanelProps {
  threads: CommentThread[];
  canComment: boolean;
  mediaKind: MediaKind;
  pendingAnchor: CommentAnchor | null;
  drawing: boolean;
  selectedId: string | null;
  error: unknown;
  pending: boolean;
  onToggleDrawing: () => void;
  onUseCurrentTime: () => void;
  onClearAnchor: () => void;
  onShow: (thread: CommentThread) => void;
  onStart: (body: string) => Promise<unknown>;
  onReply: (threadId: string, body: string) => Promise<unknown>;
  onSetResolved: (threadId: string, resolved: boolean) => void;
}

export function CommentsPanel(props: CommentsPanelProps) {
  const { t } = useT();
  const open = props.threads.filter((th) => !th.resolvedAt).length;
  return (
    <section className="panel comments-panel" aria-labelledby="comments-title">
      <h2 id="comments-title">{t('comments.title', { open })}</h2>
      {props.threads.length === 0 && <p className="field-hint">{t('comments.empty')}</p>}
      <ol className="thread-list">
        {props.threads.map((thread, index) => (
          <ThreadView key={thread.id} number={index + 1} thread={thread} {...props} />
        ))}
      </ol>
      {props.canComment && <NewThreadForm {...props} />}
      <ErrorMessage error={props.error} />
    </section>
  );
}

export function anchorLabel(anchor: CommentAnchor | null, t: ReturnType<typeof useT>['t']): string | null {
  if (!anchor) return null;
  return anchor.kind === 'time' ? t('comments.anchorTime', { time: formatTimeCode(anchor.seconds) }) : t('comments.anchorRegion');
}

function ThreadView({ thread, number, ...props }: CommentsPanelProps & { thread: CommentThread; number: number }) {
  const { t, locale } = useT();
  const [reply, setReply] = useState('');
  const replyId = useId();
  const label = anchorLabel(thread.anchor, t);
  const submitReply = async (e: FormEvent) => {
    e.preventDefault();
    await props.onReply(thread.id, reply);
    setReply('');
  };
  return (
    <li className={`thread${thread.resolvedAt ? ' thread-resolved' : ''}${props.selectedId === thread.id ? ' thread-selected' : ''}`}>
      <div className="thread-head">
        <span className="thread-number">#{number}</span>
        {label && (
          <button type="button" className="link-button" onClick={() => props.onShow(thread)}>
            {t('comments.show', { what: label })}
          </button>
        )}
        {thread.resolvedAt && <span className="thread-state">{t('comments.resolvedBy', { name: thread.resolvedBy ?? '' })}</span>}
      </div>
      <ul className="thread-comments">
        {thread.comments.map((c) => (
          <li key={c.id}>
            <strong>{c.authorName}</strong> <time dateTime={c.createdAt}>{formatDateTime(c.createdAt, locale)}</time>
            <p>{c.body}</p>
          </li>
        ))}
      </ul>
      {props.canComment && (
        <div className="thread-actions">
          {!thread.resolvedAt && (
            <form onSubmit={submitReply} className="inline-form">
              <label htmlFor={replyId} className="visually-hidden">
                {t('comments.replyLabel', { number })}
              </label>
              <input id={replyId} value={reply} onChange={(e) => setReply(e.target.value)} placeholder={t('comments.reply')} required />
              <button type="submit" disabled={props.pending || reply.trim() === ''}>
                {t('comments.reply')}
              </button>
            </form>
          )}
          <button type="button" onClick={() => props.onSetResolved(thread.id, !thread.resolvedAt)} disabled={props.pending}>
            {thread.resolvedAt ? t('comments.reopen') : t('comments.resolve')}
          </button>
        </div>
      )}
    </li>
  );
}

function NewThreadForm(props: CommentsPanelProps) {
  const { t } = useT();
  const [body, setBody] = useState('');
  const bodyId = useId();
  const label = anchorLabel(props.pendingAnchor, t);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await props.onStart(body);
    setBody('');
  };
  return (
    <form className="new-thread" onSubmit={submit}>
      <label htmlFor={bodyId}>{t('comments.new')}</label>
      <textarea id={bodyId} value={body} onChange={(e) => setBody(e.target.value)} rows={3} required />
      <div className="new-thread-anchor">
        {props.mediaKind === 'image' && (
          <button type="button" className="button-secondary button-small" aria-pressed={props.drawing} onClick={props.onToggleDrawing}>
            {props.drawing ? t('comments.cancelMark') : t('comments.markRegion')}
          </button>
        )}
        {(props.mediaKind === 'video' || props.mediaKind === 'audio') && (
          <button type="button" className="button-secondary button-small" onClick={props.onUseCurrentTime}>
            {t('comments.useTime')}
          </button>
        )}
        {label && (
          <span className="anchor-chip">
            {label}
            <button type="button" className="icon-button" aria-label={t('comments.clearAnchor')} onClick={props.onClearAnchor}>
              <X aria-hidden="true" focusable="false" size={14} />
            </button>
          </span>
        )}
      </div>
      {props.drawing && <p className="field-hint">{t('comments.drawHint')}</p>}
      <button type="submit" className="button-primary" disabled={props.pending || body.trim() === ''}>
        {t('comments.post')}
      </button>
    </form>
  );
}
