import { toCreateRequest, type CreateItemForm } from './create-item-form';

const form = (overrides: Partial<CreateItemForm> = {}): CreateItemForm => ({
  title: 'Episode 1: dosing in renal impairment',
  format: 'video',
  plannedAt: '2026-12-03T09:00',
  channels: 'email, website',
  segments: 'cardiologists',
  description: '',
  sourceItemId: '',
  claimIds: '',
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

  it('names the fields the API would refuse', () => {
    const result = toCreateRequest(form({ title: '  ', plannedAt: '', sourceItemId: 'not-a-uuid' }));
    expect(result).toEqual({ ok: false, invalid: expect.arrayContaining(['title', 'plannedAt', 'sourceItemId']) });
  });
});
