import type { Locale, Notification, NotificationParams, NotificationType } from '@vetted/contracts';

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

type Sentence = (p: NotificationParams, date: (iso: string | undefined) => string) => string;

const LANES: Record<Locale, Record<string, string>> = {
  en: { marketing: 'marketing', medical: 'medical', regulatory: 'regulatory' },
  fr: { marketing: 'marketing', medical: 'médicale', regulatory: 'réglementaire' },
};

/** One sentence per notification type and language; the web shows the same facts in its own words. */
const SENTENCES: Record<Locale, Record<NotificationType, Sentence>> = {
  en: {
    task_assigned: (p, d) => `Review “${p.itemTitle}” (${LANES.en[p.lane ?? ''] ?? p.lane} lane)${p.onBehalfOfName ? ` for ${p.onBehalfOfName}, whom you cover` : ''}, due ${d(p.dueAt)}.`,
    task_due_soon: (p, d) => `Your review of “${p.itemTitle}” (${LANES.en[p.lane ?? ''] ?? p.lane} lane) is due ${d(p.dueAt)}.`,
    task_overdue: (p, d) => `Your review of “${p.itemTitle}” (${LANES.en[p.lane ?? ''] ?? p.lane} lane) is overdue since ${d(p.dueAt)}.`,
    changes_requested: (p) => `${p.actorName ?? 'A reviewer'} requested changes to “${p.itemTitle}”${p.excerpt ? `: ${p.excerpt}` : '.'}`,
    item_approved: (p, d) => `“${p.itemTitle}” is approved, valid until ${d(p.expiresAt)}.`,
    item_approved_with_changes: (p) => `“${p.itemTitle}” is approved with changes: upload the corrected version for confirmation.`,
    item_suspended: (p) => `“${p.itemTitle}” is suspended: claim ${p.claimCode ?? ''} left the claims library. It is out of the reps’ library.`,
    item_withdrawn: (p) => `“${p.itemTitle}” was withdrawn by ${p.actorName ?? 'a reviewer'}${p.excerpt ? `: ${p.excerpt}` : '.'}`,
    item_expiring: (p, d) => `The approval of “${p.itemTitle}” runs out on ${d(p.expiresAt)}.`,
    mentioned: (p) => `${p.actorName ?? 'Someone'} mentioned you about “${p.itemTitle}”: ${p.excerpt ?? ''}`,
  },
  fr: {
    task_assigned: (p, d) => `Relire « ${p.itemTitle} » (relecture ${LANES.fr[p.lane ?? ''] ?? p.lane})${p.onBehalfOfName ? ` pour ${p.onBehalfOfName}, que vous remplacez` : ''}, à rendre le ${d(p.dueAt)}.`,
    task_due_soon: (p, d) => `Votre relecture de « ${p.itemTitle} » (${LANES.fr[p.lane ?? ''] ?? p.lane}) est à rendre le ${d(p.dueAt)}.`,
    task_overdue: (p, d) => `Votre relecture de « ${p.itemTitle} » (${LANES.fr[p.lane ?? ''] ?? p.lane}) est en retard depuis le ${d(p.dueAt)}.`,
    changes_requested: (p) => `${p.actorName ?? 'Un relecteur'} demande des modifications sur « ${p.itemTitle} »${p.excerpt ? ` : ${p.excerpt}` : '.'}`,
    item_approved: (p, d) => `« ${p.itemTitle} » est approuvé, valable jusqu’au ${d(p.expiresAt)}.`,
    item_approved_with_changes: (p) => `« ${p.itemTitle} » est approuvé sous réserve de modifications : déposez la version corrigée pour confirmation.`,
    item_suspended: (p) => `« ${p.itemTitle} » est suspendu : l’allégation ${p.claimCode ?? ''} a quitté la bibliothèque. Il n’est plus dans la bibliothèque des délégués.`,
    item_withdrawn: (p) => `« ${p.itemTitle} » a été retiré par ${p.actorName ?? 'un relecteur'}${p.excerpt ? ` : ${p.excerpt}` : '.'}`,
    item_expiring: (p, d) => `L’approbation de « ${p.itemTitle} » expire le ${d(p.expiresAt)}.`,
    mentioned: (p) => `${p.actorName ?? 'Quelqu’un'} vous a mentionné à propos de « ${p.itemTitle} » : ${p.excerpt ?? ''}`,
  },
};

const WORDS = {
  en: {
    hello: (name: string) => `Hello ${name},`,
    open: 'Open in Vetted',
    digestSubject: (n: number) => `Vetted: ${n} unread notification${n === 1 ? '' : 's'}`,
    digestIntro: 'Here is what is still unread in Vetted:',
    footer: 'You receive this because of your notification settings in Vetted (Notifications page).',
  },
  fr: {
    hello: (name: string) => `Bonjour ${name},`,
    open: 'Ouvrir dans Vetted',
    digestSubject: (n: number) => `Vetted : ${n} notification${n === 1 ? '' : 's'} non lue${n === 1 ? '' : 's'}`,
    digestIntro: 'Voici ce qui reste non lu dans Vetted :',
    footer: 'Vous recevez ce message selon vos préférences de notification dans Vetted (page Notifications).',
  },
} as const;

export function sentenceOf(notification: Pick<Notification, 'type' | 'params'>, locale: Locale): string {
  const date = (iso: string | undefined) =>
    iso ? new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(iso)) + ' UTC' : '—';
  return SENTENCES[locale][notification.type](notification.params, date);
}

/** The e-mail for one notification (instant) or several (the daily digest), in the recipient's language. */
export function emailContent(input: { notifications: Array<Pick<Notification, 'type' | 'params' | 'itemId'>>; locale: Locale; recipientName: string; baseUrl: string; digest: boolean }): EmailContent {
  const { notifications, locale, baseUrl } = input;
  const words = WORDS[locale];
  const lines = notifications.map((n) => ({ sentence: sentenceOf(n, locale), link: n.itemId ? `${baseUrl}/items/${n.itemId}` : `${baseUrl}/notifications` }));
  const subject = input.digest ? words.digestSubject(lines.length) : `Vetted: ${oneLine(lines[0].sentence, 120)}`;
  const text = [
    words.hello(input.recipientName),
    '',
    ...(input.digest ? [words.digestIntro, ''] : []),
    ...lines.flatMap((l) => [`${input.digest ? '- ' : ''}${l.sentence}`, `  ${words.open}: ${l.link}`, '']),
    '--',
    words.footer,
  ].join('\n');
  const html = `<!doctype html><html lang="${locale}"><body style="font-family:sans-serif">
<p>${escapeHtml(words.hello(input.recipientName))}</p>
${input.digest ? `<p>${escapeHtml(words.digestIntro)}</p>` : ''}
<ul>${lines.map((l) => `<li><p>${escapeHtml(l.sentence)}</p><p><a href="${escapeHtml(l.link)}">${escapeHtml(words.open)}</a></p></li>`).join('\n')}</ul>
<hr><p style="color:#666;font-size:small">${escapeHtml(words.footer)}</p>
</body></html>`;
  return { subject, text, html };
}

function oneLine(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ');
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** Titles, names and comments are other people's text: never markup in the e-mail. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
