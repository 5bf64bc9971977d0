import { en } from './en';
import { fr } from './fr';
import { interpolate } from './i18n-context';

describe('interpolate', () => {
  it('fills named placeholders and leaves unknown ones as they are', () => {
    expect(interpolate('“{title}” is planned for {date}.', { title: 'Podcast' })).toBe('“Podcast” is planned for {date}.');
  });

  it('says "1 item" but "0 items" and "2 items" in English', () => {
    expect([0, 1, 2].map((count) => interpolate(en['calendar.count'], { count }, 'en-GB'))).toEqual(['0 items this month', '1 item this month', '2 items this month']);
    expect(interpolate(en['calendar.moreLabel'], { count: 1, date: 'Monday 14 December' })).toBe('Show 1 more item on Monday 14 December');
  });

  it('uses the singular for 0 and 1 in French', () => {
    expect([0, 1, 2].map((count) => interpolate(fr['inbox.count'], { count }, 'fr-FR'))).toEqual(['0 contenu en attente', '1 contenu en attente', '2 contenus en attente']);
  });
});
