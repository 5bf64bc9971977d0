// Editors plan a new piece: title, format, date, audience (channels and segments picked from the
// admins' lists) and, for reuse, the item it derives from. Before saving, it warns of the weekly caps
// the piece would go over, and saves over them only once the editor confirms.
import { FormatOptions } from '../../../components/format-label';
import { type ContentFormat, type ContentItem, type LibraryItem } from '@vetted/contracts';
import { useState, type FormEvent } from 'react';
import { Dialog } from '../../../components/dialog';
import { DialogActions } from '../../../components/dialog-actions';
import { useSeries } from '../api/get-series';
import { ErrorMessage } from '../../../components/error-message';
import { useT } from '../../../i18n/use-t';
import { useCreateContentItem } from '../api/create-content-item';
import { useChannels, useSegments } from '../api/get-audience-lists';
import { useSaturation } from '../api/get-saturation';
import { defaultPlannedAt, toCreateRequest, type CreateItemField, type CreateItemForm } from '../create-item-form';
import { planBreaches, saturationWeekRange } from '../saturation-preview';
import { ChipPicker } from './chip-picker';
import { ClaimPicker, type PickedClaim } from './claim-picker';
import { FastTrackPreview } from './fast-track-preview';
import { SourcePicker } from './source-picker';

export function CreateItemDialog({ defaultDay, onCreated, onClose }: { defaultDay: Date; onCreated: (item: ContentItem) => void; onClose: () => void }) {
  const { t } = useT();
  const create = useCreateContentItem();
  const [form, setForm] = useState<CreateItemForm>({
    title: '',
    format: 'video',
    plannedAt: defaultPlannedAt(defaultDay),
    channels: [],
    segments: [],
    description: '',
    sourceItemId: '',
    claimIds: '',
    seriesId: '',
    product: '',
    market: '',
    language: '',
  });
  const series = useSeries();
  const [source, setSource] = useState<LibraryItem | null>(null);
  const [claims, setClaims] = useState<PickedClaim[]>([]);
  const [invalid, setInvalid] = useState<CreateItemField[]>([]);
  const channels = useChannels();
  const segments = useSegments();
  const week = saturationWeekRange(form.plannedAt);
  const hasAudience = form.channels.length > 0 && form.segments.length > 0;
  const saturation = useSaturation(week ?? { from: '', to: '' }, Boolean(week && hasAudience));
  const breaches = week && hasAudience ? planBreaches(saturation.data, week.from, form) : [];
  const [confirmed, setConfirmed] = useState(false);
  const [confirmMissing, setConfirmMissing] = useState(false);
  const segmentLabel = (name: string) => segments.data?.find((s) => s.name === name)?.description || name;

  const set = (field: CreateItemField) => (event: { target: { value: string } }) => setForm((f) => ({ ...f, [field]: event.target.value }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const check = toCreateRequest({ ...form, sourceItemId: source?.id ?? '', claimIds: claims.map((c) => c.id).join(',') }, { confirmSaturation: breaches.length > 0 && confirmed });
    if (!check.ok) {
      setInvalid(check.invalid);
      document.getElementById(`create-${check.invalid[0]}`)?.focus();
      return;
    }
    setInvalid([]);
    if (breaches.length > 0 && !confirmed) {
      setConfirmMissing(true);
      document.getElementById('create-confirmSaturation')?.focus();
      return;
    }
    setConfirmMissing(false);
    create.mutate(check.request, { onSuccess: onCreated });
  }

  const fieldProps = (field: CreateItemField) => ({
    id: `create-${field}`,
    value: form[field],
    onChange: set(field),
    'aria-invalid': invalid.includes(field) || undefined,
    'aria-describedby': invalid.includes(field) ? `create-${field}-error` : hintId(field),
  });
  const fieldError = (field: CreateItemField) =>
    invalid.includes(field) && (
      <p id={`create-${field}-error`} className="field-error">
        {t(`createItem.invalid.${field}`)}
      </p>
    );

  // Channels and segments: an admin-kept list each, picked as chips.
  const listField = (field: 'channels' | 'segments', list: typeof channels | typeof segments) => (
    <div className="field">
      <span id={`create-${field}-label`} className="field-label">
        {t(`item.${field}`)}
      </span>
      <ChipPicker
        id={`create-${field}`}
        labelledBy={`create-${field}-label`}
        describedBy={invalid.includes(field) ? `create-${field}-error` : `create-${field}-hint`}
        options={list.data ?? []}
        value={form[field]}
        onChange={(value) => setForm((f) => ({ ...f, [field]: value }))}
        invalid={invalid.includes(field)}
      />
      <p id={`create-${field}-hint`} className="field-hint">
        {t('createItem.listHint')}
      </p>
      <ErrorMessage error={list.error} />
      {fieldError(field)}
    </div>
  );

  return (
    <Dialog title={t('createItem.title')} onClose={onClose} className="dialog-wide">
      <form onSubmit={submit} noValidate className="form-grid">
        <div className="field field-wide">
          <label htmlFor="create-title">{t('item.title')}</label>
          <input {...fieldProps('title')} type="text" required maxLength={300} />
          {fieldError('title')}
        </div>
        <div className="field">
          <label htmlFor="create-format">{t('item.format')}</label>
          <select {...fieldProps('format')} onChange={(e) => setForm((f) => ({ ...f, format: e.target.value as ContentFormat }))}>
            <FormatOptions />
          </select>
        </div>
        <div className="field">
          <label htmlFor="create-plannedAt">{t('item.plannedAt')}</label>
          <input {...fieldProps('plannedAt')} type="datetime-local" required />
          {fieldError('plannedAt')}
        </div>
        {listField('channels', channels)}
        {listField('segments', segments)}
        {breaches.length > 0 && (
          <div className="notice notice-warning field-wide" role="status" aria-label={t('saturation.previewTitle')}>
            <p>{t('saturation.previewTitle')}</p>
            <ul>
              {breaches.map((b) => (
                <li key={`${b.segment}-${b.channel}`}>{t('saturation.pairFull', { segment: segmentLabel(b.segment), count: b.count, cap: b.cap, channel: b.channel })}</li>
              ))}
            </ul>
            <label className="checkbox">
              <input
                id="create-confirmSaturation"
                type="checkbox"
                checked={confirmed}
                onChange={(e) => setConfirmed(e.target.checked)}
                aria-invalid={confirmMissing || undefined}
                aria-describedby={confirmMissing ? 'create-confirmSaturation-error' : undefined}
              />{' '}
              {t('saturation.confirm')}
            </label>
            {confirmMissing && (
              <p id="create-confirmSaturation-error" className="field-error">
                {t('saturation.confirmMissing')}
              </p>
            )}
          </div>
        )}
        <div className="field field-wide">
          <label htmlFor="create-description">{t('item.description')}</label>
          <textarea {...fieldProps('description')} rows={3} maxLength={5000} />
          {fieldError('description')}
        </div>
        <div className="field">
          <label htmlFor="create-seriesId">{t('item.series')}</label>
          <select {...fieldProps('seriesId')} onChange={set('seriesId')} disabled={form.format === 'series'}>
            <option value="">{t('createItem.noSeries')}</option>
            {(series.data?.items ?? []).map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
          </select>
          {fieldError('seriesId')}
        </div>
        <div className="field">
          <label htmlFor="create-sourceItemId">{t('item.sourceItemId')}</label>
          <SourcePicker value={source} onChange={setSource} />
          <p id="create-sourceItemId-hint" className="field-hint">{t('createItem.sourceHint')}</p>
          {fieldError('sourceItemId')}
        </div>
        <div className="field">
          <label htmlFor="create-claimIds">{t('item.claimIds')}</label>
          <ClaimPicker value={claims} onChange={setClaims} />
          <p id="create-claimIds-hint" className="field-hint">{t('createItem.claims.hint')}</p>
          {fieldError('claimIds')}
        </div>
        <FastTrackPreview sourceItemId={source?.id ?? ''} claimIds={claims.map((c) => c.id)} />
        <div className="field">
          <label htmlFor="create-product">
            {t('item.product')} <span className="optional">({t('common.optional')})</span>
          </label>
          <input {...fieldProps('product')} type="text" />
          {fieldError('product')}
        </div>
        <div className="field">
          <label htmlFor="create-market">
            {t('item.market')} <span className="optional">({t('common.optional')})</span>
          </label>
          <input {...fieldProps('market')} type="text" maxLength={2} autoCapitalize="characters" spellCheck={false} />
          <p id="create-market-hint" className="field-hint">{t('createItem.marketHint')}</p>
          {fieldError('market')}
        </div>
        <div className="field">
          <label htmlFor="create-language">
            {t('item.language')} <span className="optional">({t('common.optional')})</span>
          </label>
          <input {...fieldProps('language')} type="text" maxLength={2} spellCheck={false} />
          {fieldError('language')}
        </div>
        <ErrorMessage error={create.error} className="field-wide" />
        <DialogActions submitLabel={t('createItem.submit')} onCancel={onClose} pending={create.isPending} wide />
      </form>
    </Dialog>
  );
}

const HINTED: CreateItemField[] = ['channels', 'segments', 'sourceItemId', 'claimIds', 'market'];
function hintId(field: CreateItemField): string | undefined {
  return HINTED.includes(field) ? `create-${field}-hint` : undefined;
}
