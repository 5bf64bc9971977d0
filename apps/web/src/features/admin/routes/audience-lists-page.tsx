// Admin (/admin/lists): the channels and audience segments editors plan with, their colours, the
// segments' descriptions and weekly caps per channel. An entry items use is archived, not deleted.
import type { Channel, Segment } from '@vetted/contracts';
import { useState } from 'react';
import { errorText, ErrorMessage } from '../../../components/error-message';
import { ListChip } from '../../../components/list-chip';
import { useT } from '../../../i18n/use-t';
import { useAdminChannels, useAdminSegments, useRemoveListEntry, useSaveListEntry } from '../api/audience-lists';
import { AdminTabs } from '../components/admin-tabs';
import { ListEntryDialog, type ListEntryTarget } from '../components/list-entry-dialog';

export function AudienceListsPage() {
  const { t } = useT();
  const channels = useAdminChannels();
  const segments = useAdminSegments();
  const save = useSaveListEntry();
  const remove = useRemoveListEntry();
  const [editing, setEditing] = useState<ListEntryTarget | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const setArchived = (list: 'channels' | 'segments', entry: Channel, archived: boolean) => {
    const done = { onSuccess: () => setNotice(t(archived ? 'lists.archivedNotice' : 'lists.restoredNotice', { name: entry.name })) };
    if (list === 'channels') save.mutate({ list, kind: 'update', id: entry.id, body: { archived } }, done);
    else save.mutate({ list, kind: 'update', id: entry.id, body: { archived } }, done);
  };
  const removeEntry = (list: 'channels' | 'segments', entry: Channel) =>
    remove.mutate({ list, id: entry.id }, { onSuccess: (r) => setNotice(t(r.outcome === 'deleted' ? 'lists.deletedNotice' : 'lists.archivedInUse', { name: entry.name })) });

  function table(list: 'channels' | 'segments', entries: readonly (Channel | Segment)[]) {
    if (entries.length === 0) return <p className="empty-state">{t('lists.empty')}</p>;
    return (
      <div className="table-scroll">
        <table className="data-table">
          <caption className="visually-hidden">{t(list === 'channels' ? 'lists.channels' : 'lists.segments')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('lists.name')}</th>
              {list === 'segments' && <th scope="col">{t('lists.description')}</th>}
              {list === 'segments' && <th scope="col">{t('lists.caps')}</th>}
              <th scope="col">{t('lists.items')}</th>
              <th scope="col">{t('lists.state')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td>
                  <ListChip name={e.name} colour={e.colour} />
                </td>
                {list === 'segments' && <td>{(e as Segment).description ?? '—'}</td>}
                {list === 'segments' && <td>{(e as Segment).channelCaps.map((c) => t('lists.capLine', { channel: c.channel, cap: c.weeklyCap })).join(', ') || '—'}</td>}
                <td>{e.itemCount}</td>
                <td>{e.archived ? t('lists.archived') : t('lists.active')}</td>
                <td className="row-actions">
                  <button
                    type="button"
                    className="button-secondary button-small"
                    disabled={!channels.data}
                    onClick={() => setEditing(list === 'channels' ? { list, entry: e } : { list, entry: e as Segment })}
                    aria-label={t('admin.editLabel', { name: e.name })}
                  >
                    {t('admin.edit')}
                  </button>{' '}
                  {e.archived ? (
                    <button type="button" className="button-secondary button-small" onClick={() => setArchived(list, e, false)} aria-label={t('lists.restoreLabel', { name: e.name })}>
                      {t('lists.restore')}
                    </button>
                  ) : e.itemCount > 0 ? (
                    <button type="button" className="button-secondary button-small" onClick={() => setArchived(list, e, true)} aria-label={t('lists.archiveLabel', { name: e.name })}>
                      {t('lists.archive')}
                    </button>
                  ) : (
                    <button type="button" className="button-secondary button-small" onClick={() => removeEntry(list, e)} aria-label={t('lists.deleteLabel', { name: e.name })}>
                      {t('lists.delete')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }

  return (
    <section className="page">
      <div className="page-title-row">
        <h1>{t('lists.title')}</h1>
      </div>
      <AdminTabs />
      <p className="field-hint">{t('lists.intro')}</p>
      {notice && (
        <p role="status" className="notice notice-success">
          {notice}
        </p>
      )}
      {(save.error || remove.error) && !editing && <p role="alert" className="notice notice-error">{errorText(save.error ?? remove.error, t)}</p>}
      <section aria-labelledby="lists-channels">
        <div className="page-title-row">
          <h2 id="lists-channels">{t('lists.channels')}</h2>
          <button type="button" className="button-primary" onClick={() => setEditing({ list: 'channels', entry: null })}>
            {t('lists.newChannel')}
          </button>
        </div>
        {channels.isPending ? <p className="page-status">{t('common.loading')}</p> : channels.isError ? <ErrorMessage error={channels.error} /> : table('channels', channels.data)}
      </section>
      <section aria-labelledby="lists-segments">
        <div className="page-title-row">
          <h2 id="lists-segments">{t('lists.segments')}</h2>
          <button type="button" className="button-primary" onClick={() => setEditing({ list: 'segments', entry: null })} disabled={!channels.data}>
            {t('lists.newSegment')}
          </button>
        </div>
        {segments.isPending ? <p className="page-status">{t('common.loading')}</p> : segments.isError ? <ErrorMessage error={segments.error} /> : table('segments', segments.data)}
      </section>
      {editing && <ListEntryDialog target={editing} channels={channels.data ?? []} onClose={() => setEditing(null)} />}
    </section>
  );
}
