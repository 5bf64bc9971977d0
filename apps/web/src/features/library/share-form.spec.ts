import { NO_REACTION, reactionFormOf, toFeedbackRequest, toShareRequest } from './share-form';

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

describe('the doctor’s reaction in the share form', () => {
  it('sends only what was said: useful or not, the rating as a number, the trimmed comment', () => {
    expect(toShareRequest({ channel: 'email', audienceSegment: '', note: '', reaction: { useful: 'no', rating: '4', comment: ' too long ' } })).toEqual({
      ok: true,
      request: { channel: 'email', feedback: { useful: false, rating: 4, comment: 'too long' } },
    });
    expect(toShareRequest({ channel: 'email', audienceSegment: '', note: '', reaction: NO_REACTION })).toEqual({ ok: true, request: { channel: 'email' } });
  });

  it('names the reaction when its comment is too long, and refuses an empty reaction added later', () => {
    expect(toShareRequest({ channel: 'email', audienceSegment: '', note: '', reaction: { ...NO_REACTION, comment: 'x'.repeat(501) } })).toEqual({ ok: false, invalid: ['feedback'] });
    expect(toFeedbackRequest(NO_REACTION)).toEqual({ ok: false });
    expect(toFeedbackRequest({ useful: 'yes', rating: '', comment: '' })).toEqual({ ok: true, request: { useful: true } });
  });

  it('turns a recorded reaction back into the form', () => {
    expect(reactionFormOf({ useful: false, rating: 2, comment: null, recordedAt: '2026-12-01T10:00:00Z' })).toEqual({ useful: 'no', rating: '2', comment: '' });
    expect(reactionFormOf(null)).toEqual(NO_REACTION);
  });
});
