// The review workspace: the asset in the main area (zoom, pan, full screen, version compare) and a
// side panel of tabs: the lanes and their signed decisions, the discussion, the details and versions,
// and whatever tabs the router adds (claims). Keyboard shortcuts are listed under `?`.
import { decisionNeedsComment, type CommentThread, type ContentItem, type ContentVersion, type LaneDecision, type ReviewDecision, type ReviewLane } from '@vetted/contracts';
import { useCallback, useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { useCurrentUser } from '../../../app/session';
import { ErrorMessage } from '../../../components/error-message';
import { Tabs, type TabDefinition } from '../../../components/tabs';
import { useT } from '../../../i18n/use-t';
import { useContentItem } from '../api/get-content-item';
import { useDecideReview } from '../api/decide-review';
import { useItemReviews } from '../api/get-item-reviews';
import { useSubmitForReview } from '../api/submit-for-review';
import { useWithdrawItem } from '../api/withdraw-item';
import { canAddVersion, canDecidePeriodicReview, canEscalate, canRelease, canSubmitForReview, canWithdraw, canWithdrawRevision, decidableLanes } from '../can-decide';
import { usePeriodicReview } from '../api/periodic-review';
import { useReleaseItem } from '../api/release-item';
import { CommentsPanel } from '../components/comments-panel';
import { EscalationPanel } from '../components/escalation-panel';
import { ItemSummary } from '../components/item-summary';
import { SubstantiationPanel } from '../components/substantiation-panel';
import { TextCheckPanel } from '../components/text-check-panel';
import { ReviewLanes } from '../components/review-lanes';
import { ShortcutsDialog } from '../components/shortcuts-dialog';
import { SignatureDialog } from '../../../components/signature-dialog';
import { COMPARE_MODES, VersionCompare, type CompareMode } from '../components/version-compare';
import { useVersionDiscussion } from '../components/version-discussion';
import { Fda2253Download } from '../components/fda-2253-download';
import { marketName, ReleaseNote } from '../components/release-note';
import { VersionViewer } from '../components/version-viewer';
import { VersionsPanel } from '../components/versions-panel';
import { ViewerToolbar } from '../components/viewer-toolbar';
import type { StageGeometry } from '../components/zoom-pan-stage';
import { actualSize, FIT, zoomCentre, ZOOM_STEP, type Viewport } from '../viewport';
import { commandOf, stepThrough, type WorkspaceCommand } from '../workspace-shortcuts';

/** A tab another feature adds to the workspace's side panel (composed by the router: features do not import each other). */
export interface WorkspaceTab {
  id: string;
  label: string;
  render: (item: ContentItem) => ReactNode;
}

const NO_DECISIONS: LaneDecision[] = [];

const SIGNING_TEXT = {
  approve: { title: 'signature.approveTitle', meaning: 'signature.approveMeaning' },
  approve_with_changes: { title: 'signature.approveWithChangesTitle', meaning: 'signature.approveWithChangesMeaning' },
  request_changes: { title: 'signature.requestChangesTitle', meaning: 'signature.requestChangesMeaning' },
} as const satisfies Record<ReviewDecision, { title: string; meaning: string }>;

/** What the signer is about to sign, with the version shown when the dialog opened: that exact version is what they sign. */
type SigningIntent =
  | { kind: 'decide'; lane: ReviewLane; decision: ReviewDecision }
  | { kind: 'withdraw'; scope: 'item' | 'revision' }
  | { kind: 'periodic'; decision: 'recertify' | 'retire' }
  | { kind: 'release' };
type Signing = SigningIntent & { version: ContentVersion | undefined };

export function ItemReviewTab({ extraTabs = [] }: { extraTabs?: readonly WorkspaceTab[] }) {
  const { id = '' } = useParams();
  const item = useContentItem(id);
  if (!item.data) return null;
  return <ItemReview item={item.data} extraTabs={extraTabs} />;
}

function ItemReview({ item, extraTabs }: { item: ContentItem; extraTabs: readonly WorkspaceTab[] }) {
  const { t, locale } = useT();
  const user = useCurrentUser();
  const reviews = useItemReviews(item.id);
  const decisions = reviews.data?.decisions ?? NO_DECISIONS;
  const submit = useSubmitForReview();
  const decide = useDecideReview();
  const withdraw = useWithdrawItem();
  const periodic = usePeriodicReview();
  const release = useReleaseItem();
  const [signing, setSigning] = useState<Signing | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const currentVersion = item.versions.find((v) => v.number === item.currentVersion);
  const approvedVersion = item.versions.find((v) => v.id === item.approvedVersion?.id);
  const openSignature = (next: SigningIntent) => {
    decide.reset();
    withdraw.reset();
    periodic.reset();
    release.reset();
    setNotice(null);
    setSigning({ ...next, version: next.kind === 'periodic' ? approvedVersion : currentVersion });
  };
  const signedVersion = signing?.version;
  const versionDetails = signedVersion && (
    <p className="field-hint">
      {t('versions.number', { number: signedVersion.number })} · {signedVersion.asset.filename} · SHA-256 {signedVersion.asset.sha256.slice(0, 12)}…
    </p>
  );

  const discussion = useVersionDiscussion(item);
  const decidable = reviews.isSuccess ? decidableLanes(item, user, decisions) : [];
  const [searchParams, setSearchParams] = useSearchParams();
  const compare = readCompare(searchParams, item);
  const [tab, setTab] = useState('lanes');
  const [view, setView] = useState<Viewport>(FIT);
  const geometry = useRef<StageGeometry | null>(null);
  const onGeometry = useCallback((g: StageGeometry) => {
    geometry.current = g;
  }, []);
  const [helpOpen, setHelpOpen] = useState(false);
  const area = useRef<HTMLElement>(null);
  const fullScreen = useFullScreen(area);
  const openThreads = discussion.threads.filter((th) => !th.resolvedAt);

  const setCompare = (next: { left: number; right: number; mode: CompareMode } | null) => {
    setView(FIT);
    setSearchParams(
      (params) => {
        const out = new URLSearchParams(params);
        if (next) {
          out.set('compare', `${next.left},${next.right}`);
          out.set('mode', next.mode);
        } else {
          out.delete('compare');
          out.delete('mode');
        }
        return out;
      },
      { replace: true },
    );
  };
  const showThread = (thread: CommentThread | undefined) => {
    if (!thread) return;
    setTab('discussion');
    discussion.show(thread);
  };
  /** A time code from another panel (a text check finding) moves the version's player there, as a comment's does. */
  const seekPlayer = (seconds: number) => {
    const media = discussion.mediaRef.current;
    if (!media) return;
    media.currentTime = seconds;
    media.focus();
  };
  const zoom = (how: 'in' | 'out' | 'fit' | 'actual') => {
    const g = geometry.current;
    if (how === 'fit' || !g) return setView(FIT);
    setView((v) => (how === 'actual' ? actualSize(v, g.naturalWidth, g.stage, g.fit) : zoomCentre(v, how === 'in' ? ZOOM_STEP : 1 / ZOOM_STEP, g.stage, g.fit)));
  };
  const run = (command: WorkspaceCommand) => {
    switch (command) {
      case 'nextComment':
      case 'previousComment':
        return showThread(stepThrough(openThreads.length ? openThreads : discussion.threads, discussion.selectedId, command === 'nextComment' ? 1 : -1));
      case 'zoomIn':
        return zoom('in');
      case 'zoomOut':
        return zoom('out');
      case 'zoomFit':
        return zoom('fit');
      case 'zoomActual':
        return zoom('actual');
      case 'fullScreen':
        return fullScreen.toggle();
      case 'compare':
        return item.versions.length > 1 && setCompare(compare ? null : defaultCompare(item));
      case 'approve':
        if (decidable[0]) {
          setTab('lanes');
          openSignature({ kind: 'decide', lane: decidable[0], decision: 'approve' });
        }
        return;
      case 'help':
        return setHelpOpen(true);
    }
  };
  const runRef = useRef(run);
  runRef.current = run;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (document.querySelector('dialog[open]')) return;
      const command = commandOf(event);
      if (!command) return;
      event.preventDefault();
      runRef.current(command);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const sideTabs: TabDefinition[] = [
    {
      id: 'lanes',
      label: t('workspace.tab.lanes'),
      content: (
        <>
          <div className="workspace-actions">
            {canSubmitForReview(item, user) && (
              <button
                type="button"
                className="button-primary"
                disabled={submit.isPending}
                onClick={() => submit.mutate(item.id, { onSuccess: () => setNotice(t('review.submitted')) })}
              >
                {submit.isPending ? t('common.saving') : t('review.submit')}
              </button>
            )}
            {canDecidePeriodicReview(item, user) && (
              <>
                <button type="button" className="button-primary" onClick={() => openSignature({ kind: 'periodic', decision: 'recertify' })}>
                  {t('periodic.recertify')}
                </button>
                <button type="button" className="button-secondary" onClick={() => openSignature({ kind: 'periodic', decision: 'retire' })}>
                  {t('periodic.retire')}
                </button>
              </>
            )}
            {canRelease(item, user) && (
              <button type="button" className="button-primary" onClick={() => openSignature({ kind: 'release' })}>
                {t('release.action')}
              </button>
            )}
            {canWithdrawRevision(item, user) && (
              <button type="button" className="button-secondary" onClick={() => openSignature({ kind: 'withdraw', scope: 'revision' })}>
                {t('review.withdrawRevision')}
              </button>
            )}
            {canWithdraw(item, user) && (
              <button type="button" className="button-danger" onClick={() => openSignature({ kind: 'withdraw', scope: 'item' })}>
                {t('review.withdraw')}
              </button>
            )}
            <ErrorMessage error={submit.error} />
          </div>
          <Fda2253Download item={item} user={user} />
          <ErrorMessage error={reviews.error} />
          {item.release && <ReleaseNote release={item.release} awaiting={item.status === 'awaiting_release'} />}
          <ReviewLanes item={item} decisions={decisions} decidable={decidable} onDecide={(lane, decision) => openSignature({ kind: 'decide', lane, decision })} />
          {canEscalate(item, user) && currentVersion && <EscalationPanel item={item} version={currentVersion} />}
        </>
      ),
    },
    {
      id: 'discussion',
      label: t('workspace.tab.discussion'),
      badge: openThreads.length > 0 ? <span aria-label={t('workspace.openThreads', { count: openThreads.length })}>{openThreads.length}</span> : undefined,
      content: discussion.panel ? <CommentsPanel {...discussion.panel} /> : <p className="empty-state">{t('versions.none')}</p>,
    },
    {
      id: 'details',
      label: t('workspace.tab.details'),
      content: (
        <>
          <ItemSummary item={item} />
          <VersionsPanel item={item} canUpload={canAddVersion(item, user)} />
        </>
      ),
    },
    {
      id: 'claims',
      label: t('workspace.tab.claims'),
      badge: item.claims.length > 0 ? <span aria-label={t('substantiation.count', { count: item.claims.length })}>{item.claims.length}</span> : undefined,
      content: (
        <>
          {item.claims.length > 0 ? <SubstantiationPanel item={item} version={currentVersion} /> : <p className="empty-state">{t('substantiation.none')}</p>}
          {/* The text check is substantiation: staff read it, agency guests do not. */}
          {item.textCheck && currentVersion && !user.roles.includes('agency') && <TextCheckPanel itemId={item.id} versionNumber={currentVersion.number} onSeek={compare ? undefined : seekPlayer} />}
        </>
      ),
    },
    ...extraTabs.map((extra) => ({ id: extra.id, label: extra.label, content: extra.render(item) })),
  ];

  return (
    <div className="workspace-review">
      <div className="notice-region">
        {notice && (
          <p role="status" className="notice notice-success">
            {notice}
          </p>
        )}
      </div>
      {item.revision && item.approvedVersion && (
        <p role="note" className="notice notice-info">
          {t('review.revisionBanner', { approved: item.approvedVersion.number, revision: item.revision.number })}
        </p>
      )}
      <div className="workspace-grid">
        <section ref={area} className={`asset-area${fullScreen.active ? ' asset-area-full' : ''}`} aria-label={t('viewer.area')}>
          <ViewerToolbar
            compare={compare !== null}
            canCompare={item.versions.length > 1}
            canZoom={compare !== null || discussion.version !== undefined}
            fullScreen={fullScreen.active}
            scale={view.scale}
            onZoom={zoom}
            onToggleFullScreen={fullScreen.toggle}
            onToggleCompare={() => setCompare(compare ? null : defaultCompare(item))}
            onHelp={() => setHelpOpen(true)}
          />
          {compare ? (
            <VersionCompare item={item} left={compare.left} right={compare.right} mode={compare.mode} onChange={setCompare} view={view} onViewChange={setView} onGeometry={onGeometry} />
          ) : discussion.version ? (
            <VersionViewer
              itemId={item.id}
              version={discussion.version}
              mediaRef={discussion.mediaRef}
              marks={discussion.marks}
              selectedId={discussion.selectedId}
              drawing={discussion.drawing}
              onRegionDrawn={(region) => {
                discussion.setPendingAnchor(region);
                discussion.setDrawing(false);
                setTab('discussion');
              }}
              onSelectMark={(threadId) => showThread(discussion.threads.find((th) => th.id === threadId))}
              view={view}
              onViewChange={setView}
              onGeometry={onGeometry}
            />
          ) : (
            <p className="empty-state viewer-empty">{t('versions.none')}</p>
          )}
        </section>
        <aside className="side-panel" aria-label={t('workspace.sidePanel')}>
          <Tabs label={t('workspace.sidePanel')} tabs={sideTabs} selected={tab} onSelect={setTab} />
        </aside>
      </div>

      {signing?.kind === 'decide' && (
        <SignatureDialog
          title={t(SIGNING_TEXT[signing.decision].title)}
          meaning={t(SIGNING_TEXT[signing.decision].meaning, { review: t(`lane.review.${signing.lane}`) })}
          details={versionDetails}
          text={{ label: t(signing.decision === 'approve_with_changes' ? 'lanes.changesToMake' : 'lanes.comment'), required: decisionNeedsComment(signing.decision) }}
          submitLabel={t('signature.sign')}
          pending={decide.isPending}
          error={decide.error}
          onClose={() => setSigning(null)}
          onSign={({ password, text }) =>
            decide.mutate(
              {
                itemId: item.id,
                body: { lane: signing.lane, decision: signing.decision, versionId: signing.version?.id ?? '', password, ...(text ? { comment: text } : {}) },
              },
              {
                onSuccess: () => {
                  setSigning(null);
                  setNotice(t('review.decisionRecorded'));
                },
              },
            )
          }
        />
      )}
      {signing?.kind === 'release' && item.release && (
        <SignatureDialog
          title={t('release.title')}
          meaning={t('release.meaning', { market: marketName(item.release.market, locale) })}
          details={versionDetails}
          text={{ label: t('release.filingReference'), required: false }}
          submitLabel={t('signature.sign')}
          pending={release.isPending}
          error={release.error}
          onClose={() => setSigning(null)}
          onSign={({ password, text }) =>
            release.mutate(
              { itemId: item.id, body: { versionId: signing.version?.id ?? '', password, ...(text ? { filingReference: text } : {}) } },
              {
                onSuccess: () => {
                  setSigning(null);
                  setNotice(t('release.done'));
                },
              },
            )
          }
        />
      )}
      {signing?.kind === 'periodic' && (
        <SignatureDialog
          title={t('periodic.title')}
          meaning={t(signing.decision === 'recertify' ? 'periodic.recertifyMeaning' : 'periodic.retireMeaning')}
          details={versionDetails}
          text={{ label: t('lanes.comment'), required: false }}
          submitLabel={t('signature.sign')}
          pending={periodic.isPending}
          error={periodic.error}
          onClose={() => setSigning(null)}
          onSign={({ password, text }) =>
            periodic.mutate(
              { itemId: item.id, body: { decision: signing.decision, versionId: signing.version?.id ?? '', password, ...(text ? { comment: text } : {}) } },
              {
                onSuccess: () => {
                  setSigning(null);
                  setNotice(t('review.decisionRecorded'));
                },
              },
            )
          }
        />
      )}
      {signing?.kind === 'withdraw' && (
        <SignatureDialog
          title={t(signing.scope === 'revision' ? 'signature.withdrawRevisionTitle' : 'signature.withdrawTitle')}
          meaning={t(signing.scope === 'revision' ? 'signature.withdrawRevisionMeaning' : 'signature.withdrawMeaning')}
          details={versionDetails}
          text={{ label: t('signature.reason'), required: true }}
          submitLabel={t('signature.sign')}
          pending={withdraw.isPending}
          error={withdraw.error}
          onClose={() => setSigning(null)}
          onSign={({ password, text }) =>
            withdraw.mutate(
              { itemId: item.id, body: { reason: text, password, scope: signing.scope, ...(signing.version ? { versionId: signing.version.id } : {}) } },
              {
                onSuccess: () => {
                  setSigning(null);
                  setNotice(t('review.withdrawn'));
                },
              },
            )
          }
        />
      )}
      {helpOpen && <ShortcutsDialog onClose={() => setHelpOpen(false)} />}
    </div>
  );
}

/** `?compare=1,3&mode=wipe`: the compared versions are in the address, so a comparison can be shared. */
function readCompare(params: URLSearchParams, item: ContentItem): { left: number; right: number; mode: CompareMode } | null {
  const match = params.get('compare')?.match(/^(\d+),(\d+)$/);
  if (!match) return null;
  const numbers = new Set(item.versions.map((v) => v.number));
  const [left, right] = [Number(match[1]), Number(match[2])];
  if (!numbers.has(left) || !numbers.has(right)) return null;
  const mode = COMPARE_MODES.find((m) => m === params.get('mode')) ?? 'side';
  return { left, right, mode };
}

/** The version before the current one against the current one. */
function defaultCompare(item: ContentItem): { left: number; right: number; mode: CompareMode } {
  const numbers = item.versions.map((v) => v.number).sort((a, b) => a - b);
  const right = item.currentVersion ?? numbers[numbers.length - 1];
  const left = [...numbers].reverse().find((n) => n < right) ?? numbers[0];
  return { left, right, mode: 'side' };
}

/** Full screen for the asset area, following the browser (Esc leaves full screen without us). */
function useFullScreen(ref: RefObject<HTMLElement | null>) {
  const [active, setActive] = useState(false);
  useEffect(() => {
    const follow = () => setActive(document.fullscreenElement !== null && document.fullscreenElement === ref.current);
    document.addEventListener('fullscreenchange', follow);
    return () => document.removeEventListener('fullscreenchange', follow);
  }, [ref]);
  const toggle = () => {
    const element = ref.current;
    if (!element) return;
    if (document.fullscreenElement) void document.exitFullscreen?.();
    else if (typeof element.requestFullscreen === 'function') void element.requestFullscreen().catch(() => undefined);
  };
  return { active, toggle };
}
