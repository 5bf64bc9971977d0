import { toShareRequest } from './share-form';

describe('toShareRequest', () => {
  it('drops blank optional fields and trims the rest', () => {
    expect(toShareRequest({ channel: 'rep-visit', audienceSegment: '  ', note: ' after the visit ' })).toEqual({
      ok: true,
      request: { channel: 'rep-visit', note: 'after the visit' },
    });
  });

  it('names the fields the server would refuse', () => {
    expect(toShareRequest({ channel: 'email', audienceSegment: 'x'.repeat(61), note: 'y'.repeat(1001) })).toEqual({ ok: false, invalid: ['audienceSegment', 'note'] });
  });
});
