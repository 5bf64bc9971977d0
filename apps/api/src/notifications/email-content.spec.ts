import { emailContent } from './email-content.js';

const approved = { type: 'item_approved' as const, itemId: '6f1c9a52-3a0e-4d4b-9a53-8f2f0b0f6e11', params: { itemTitle: 'Heart <b>failure</b> & you', expiresAt: '2028-12-03T10:00:00.000Z' } };

describe('notification e-mail content', () => {
  it('writes the subject and body in the recipient’s language', () => {
    const en = emailContent({ notifications: [approved], locale: 'en', recipientName: 'Eve', baseUrl: 'https://vetted.example.com', digest: false });
    const fr = emailContent({ notifications: [approved], locale: 'fr', recipientName: 'Ève', baseUrl: 'https://vetted.example.com', digest: false });
    expect(en.subject).toContain('is approved');
    expect(en.text).toContain('Hello Eve,');
    expect(fr.subject).toContain('est approuvé');
    expect(fr.text).toContain('Bonjour Ève,');
    expect(fr.text).toContain('3 décembre 2028');
  });

  it('links to the item and escapes other people’s text in the HTML part', () => {
    const mail = emailContent({ notifications: [approved], locale: 'en', recipientName: 'Eve <x>', baseUrl: 'https://vetted.example.com', digest: false });
    expect(mail.text).toContain(`https://vetted.example.com/items/${approved.itemId}`);
    expect(mail.html).toContain('Heart &lt;b&gt;failure&lt;/b&gt; &amp; you');
    expect(mail.html).not.toContain('<b>failure');
    expect(mail.html).toContain('Eve &lt;x&gt;');
  });

  it('counts the notifications of a digest in its subject', () => {
    const mail = emailContent({ notifications: [approved, { ...approved, type: 'item_expiring' }], locale: 'fr', recipientName: 'Ève', baseUrl: 'https://v.example', digest: true });
    expect(mail.subject).toBe('Vetted : 2 notifications non lues');
    expect(mail.text).toContain('expire le');
  });
});
