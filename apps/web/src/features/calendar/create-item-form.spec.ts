import { toCreateRequest, type CreateItemForm } from './create-item-form';

const form = (overrides: Partial<CreateItemForm> = {}): CreateItemForm => ({
  title: 'Episode 1: dosing in renal impairment',
  format: 'video',
  plannedAt: '2026-12-03T09:00',
  channels: ['email', 'website'],
  segments: ['cardiologists'],
  seriesId: '',
  description: '',
  sourceItemId: '',
  claimIds: '',
  product: '',
  market: '',
  language: '',
  ...overrides,
});

describe('toCreateRequest', () => {
  it('builds the API request from the form fields', () => {
    const result = toCreateRequest(form({ claimIds: 'CLM-1; CLM-2' }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.request).toMatchObject({ channels: ['email', 'website'], segments: ['cardiologists'], claimIds: ['CLM-1', 'CLM-2'] });
    expect(new Date(result.request.plannedAt).getHours()).toBe(9);
    expect(result.request).not.toHaveProperty('description');
  });

  it('confirms saturation only when the editor did', () => {
    const plain = toCreateRequest(form());
    expect(plain.ok && 'confirmSaturation' in plain.request).toBe(false);
    const confirmed = toCreateRequest(form(), { confirmSaturation: true });
    expect(confirmed.ok && confirmed.request.confirmSaturation).toBe(true);
  });

  it('names the fields the API would refuse', () => {
    const result = toCreateRequest(form({ title: '  ', plannedAt: '', sourceItemId: 'not-a-uuid' }));
    expect(result).toEqual({ ok: false, invalid: expect.arrayContaining(['title', 'plannedAt', 'sourceItemId']) });
  });

  it('makes the item the next episode of the chosen series, unless it is itself a series', () => {
    const seriesId = '00000000-0000-4000-8000-0000000000d1';
    const episode = toCreateRequest(form({ seriesId }));
    expect(episode.ok && episode.request.seriesId).toBe(seriesId);
    const nested = toCreateRequest(form({ seriesId, format: 'series' }));
    expect(nested.ok && 'seriesId' in nested.request).toBe(false);
  });

  it('normalises market and language codes and names a malformed market', () => {
    const ok = toCreateRequest(form({ product: ' Cardiolix ', market: 'fr', language: 'FR' }));
    expect(ok.ok && ok.request).toMatchObject({ product: 'Cardiolix', market: 'FR', language: 'fr' });
    const bad = toCreateRequest(form({ market: 'France' }));
    expect(!bad.ok && bad.invalid).toEqual(['market']);
  });
});
