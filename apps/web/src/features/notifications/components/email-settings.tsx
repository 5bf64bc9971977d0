// How I want to hear of my notifications by e-mail (each one, a daily digest, none) and in which language.
import { EMAIL_PREFERENCES, LOCALES, type NotificationSettings } from '@vetted/contracts';
import { ErrorMessage } from '../../../components/error-message';
import { useT } from '../../../i18n/use-t';
import { useNotificationSettings, useSaveNotificationSettings } from '../api/notifications';

export function EmailSettings() {
  const { t } = useT();
  const settings = useNotificationSettings();
  const save = useSaveNotificationSettings();
  const change = (patch: Partial<NotificationSettings>) => save.mutate(patch);
  return (
    <section aria-labelledby="email-settings-title" className="notification-settings">
      <h2 id="email-settings-title">{t('notifications.settings')}</h2>
      {settings.data && (
        <div className="form-grid">
          <div className="field">
            <label htmlFor="notification-email">{t('notifications.email')}</label>
            <select id="notification-email" value={settings.data.email} disabled={save.isPending} onChange={(e) => change({ email: e.target.value as NotificationSettings['email'] })}>
              {EMAIL_PREFERENCES.map((p) => (
                <option key={p} value={p}>
                  {t(`notifications.email.${p}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="notification-locale">{t('notifications.locale')}</label>
            <select id="notification-locale" value={settings.data.locale} disabled={save.isPending} onChange={(e) => change({ locale: e.target.value as NotificationSettings['locale'] })}>
              {LOCALES.map((l) => (
                <option key={l} value={l}>
                  {t(`notifications.locale.${l}`)}
                </option>
              ))}
            </select>
          </div>
          {save.isSuccess && (
            <p className="field-hint field-wide" role="status">
              {t('notifications.saved')}
            </p>
          )}
        </div>
      )}
      <ErrorMessage error={settings.error ?? save.error} />
    </section>
  );
}
