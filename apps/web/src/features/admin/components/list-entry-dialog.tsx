// Create or edit a channel or a segment: its name, its colour (a colour picker) and, for a segment,
// who it is and the weekly cap of each channel (empty: the configured default, if any).
import type { Channel, Segment } from '@vetted/contracts';
import { DEFAULT_LIST_COLOUR } from '@vetted/contracts';
import { useState, type FormEvent } from 'react';
import { Dialog } from '../../../components/dialog';
import { DialogActions } from '../../../components/dialog-actions';
import { ErrorMessage } from '../../../components/error-message';
import { ListChip } from '../../../components/list-chip';
import { useT } from '../../../i18n/use-t';
import { useSaveListEntry } from '../api/audience-lists';

export type ListEntryTarget = { list: 'channels'; entry: Channel | null } | { list: 'segments'; entry: Segment | null };

export function ListEntryDialog({ target, channels, onClose }: { target: ListEntryTarget; channels: readonly Channel[]; onClose: () => void }) {
  const { t } = useT();
  const save = useSaveListEntry();
  const entry = target.entry;
  const segment = target.list === 'segments' ? target.entry : null;
  const [name, setName] = useState(entry?.name ?? '');
  const [colour, setColour] = useState(entry?.colour ?? DEFAULT_LIST_COLOUR);
  const [description, setDescription] = useState(segment?.description ?? '');
  const [caps, setCaps] = useState<Record<string, string>>(Object.fromEntries((segment?.channelCaps ?? []).map((c) => [c.channelId, String(c.weeklyCap)])));
  const [problem, setProblem] = useState<string | null>(null);
  const isSegment = target.list === 'segments';

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const channelCaps = Object.entries(caps)
      .filter(([, v]) => v.trim() !== '')
      .map(([channelId, v]) => ({ channelId, weeklyCap: Number(v) }));
    if (channelCaps.some((c) => !Number.isInteger(c.weeklyCap) || c.weeklyCap < 0 || c.weeklyCap > 1000)) return setProblem(t('lists.badCap'));
    setProblem(null);
    const done = { onSuccess: onClose };
    const changedName = entry && name === entry.name ? {} : { name };
    if (target.list === 'channels') {
      if (target.entry) save.mutate({ list: 'channels', kind: 'update', id: target.entry.id, body: { ...changedName, colour } }, done);
      else save.mutate({ list: 'channels', kind: 'create', body: { name, colour } }, done);
    } else if (target.entry) {
      save.mutate({ list: 'segments', kind: 'update', id: target.entry.id, body: { ...changedName, colour, description: description.trim() || null, channelCaps } }, done);
    } else {
      save.mutate({ list: 'segments', kind: 'create', body: { name, colour, ...(description.trim() ? { description: description.trim() } : {}), channelCaps } }, done);
    }
  };

  const title = entry
    ? t(isSegment ? 'lists.editSegment' : 'lists.editChannel', { name: entry.name })
    : t(isSegment ? 'lists.newSegment' : 'lists.newChannel');
  return (
    <Dialog title={title} onClose={onClose}>
      <form className="form-grid" onSubmit={submit}>
        <div className="field">
          <label htmlFor="list-name">{t('lists.name')}</label>
          <input id="list-name" value={name} onChange={(e) => setName(e.target.value)} required maxLength={60} aria-describedby={entry && entry.itemCount > 0 ? 'list-name-hint' : undefined} />
          {entry && entry.itemCount > 0 && (
            <p id="list-name-hint" className="field-hint">
              {t('lists.nameInUse', { count: entry.itemCount })}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor="list-colour">{t('lists.colour')}</label>
          <span>
            <input id="list-colour" className="colour-input" type="color" value={colour} onChange={(e) => setColour(e.target.value)} /> <ListChip name={name || '…'} colour={colour} />
          </span>
        </div>
        {isSegment && (
          <div className="field field-wide">
            <label htmlFor="list-description">
              {t('lists.description')} <span className="optional">({t('common.optional')})</span>
            </label>
            <input id="list-description" value={description} onChange={(e) => setDescription(e.target.value)} maxLength={300} placeholder={t('lists.descriptionPlaceholder')} />
          </div>
        )}
        {isSegment && channels.length > 0 && (
          <fieldset className="field field-wide">
            <legend>{t('lists.caps')}</legend>
            <p className="field-hint">{t('lists.capsHint')}</p>
            {channels
              .filter((c) => !c.archived || caps[c.id] !== undefined)
              .map((c) => (
                <label key={c.id} className="cap-row">
                  <ListChip name={c.name} colour={c.colour} />{' '}
                  <input
                    type="number"
                    min={0}
                    max={1000}
                    step={1}
                    inputMode="numeric"
                    value={caps[c.id] ?? ''}
                    onChange={(e) => setCaps((all) => ({ ...all, [c.id]: e.target.value }))}
                    aria-label={t('lists.capFor', { channel: c.name })}
                  />
                </label>
              ))}
          </fieldset>
        )}
        {problem && (
          <p className="field-error field-wide" role="alert">
            {problem}
          </p>
        )}
        <ErrorMessage error={save.error} className="field-wide" />
        <DialogActions submitLabel={t('lists.save')} onCancel={onClose} pending={save.isPending} wide />
      </form>
    </Dialog>
  );
}
