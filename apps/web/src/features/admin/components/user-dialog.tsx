// Create a user (name, email, initial password, roles) or edit one (name, roles, active).
import { GUEST_ROLE, PASSWORD_MIN_LENGTH, ROLES, type Role, type User } from '@vetted/contracts';

/** Agency guests come from an item owner's invitation, never from here. */
const STAFF_ROLES = ROLES.filter((role) => role !== GUEST_ROLE);
import { useState, type FormEvent } from 'react';
import { Dialog } from '../../../components/dialog';
import { DialogActions } from '../../../components/dialog-actions';
import { ErrorMessage } from '../../../components/error-message';
import { useT } from '../../../i18n/use-t';
import { useSaveUser } from '../api/save-user';

export function UserDialog({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useT();
  const save = useSaveUser();
  const [name, setName] = useState(user?.name ?? '');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [roles, setRoles] = useState<Role[]>(user?.roles ?? []);
  const [active, setActive] = useState(user?.active ?? true);
  const [markets, setMarkets] = useState((user?.markets ?? []).join(', '));
  const [problem, setProblem] = useState<string | null>(null);

  const toggle = (role: Role) => setRoles((rs) => (rs.includes(role) ? rs.filter((r) => r !== role) : [...rs, role]));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (roles.length === 0) return setProblem(t('admin.needsRole'));
    const codes = splitMarkets(markets);
    if (codes.some((code) => !/^[A-Z]{2}$/.test(code))) return setProblem(t('admin.badMarkets'));
    setProblem(null);
    const done = { onSuccess: onClose };
    if (user) save.mutate({ kind: 'update', id: user.id, body: { name, roles, active, markets: codes } }, done);
    else save.mutate({ kind: 'create', body: { name, email, password, roles, markets: codes } }, done);
  };

  return (
    <Dialog title={user ? t('admin.editTitle', { name: user.name }) : t('admin.newTitle')} onClose={onClose}>
      <form className="form-grid" onSubmit={submit}>
        <div className="field">
          <label htmlFor="user-name">{t('admin.name')}</label>
          <input id="user-name" value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} />
        </div>
        {!user && (
          <>
            <div className="field">
              <label htmlFor="user-email">{t('admin.email')}</label>
              <input id="user-email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} required />
            </div>
            <div className="field">
              <label htmlFor="user-password">{t('admin.password')}</label>
              <input id="user-password" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} required minLength={PASSWORD_MIN_LENGTH} aria-describedby="user-password-hint" />
              <p id="user-password-hint" className="field-hint">
                {t('admin.passwordHint', { min: PASSWORD_MIN_LENGTH })}
              </p>
            </div>
          </>
        )}
        <fieldset className="field field-wide">
          <legend>{t('admin.roles')}</legend>
          {STAFF_ROLES.map((role) => (
            <label key={role} className="checkbox">
              <input type="checkbox" checked={roles.includes(role)} onChange={() => toggle(role)} /> {t(`role.${role}`)}
            </label>
          ))}
        </fieldset>
        {roles.includes('rep') && (
          <div className="field field-wide">
            <label htmlFor="user-markets">{t('admin.markets')}</label>
            <input id="user-markets" value={markets} onChange={(e) => setMarkets(e.target.value)} spellCheck={false} aria-describedby="user-markets-hint" />
            <p id="user-markets-hint" className="field-hint">
              {t('admin.marketsHint')}
            </p>
          </div>
        )}
        {user && (
          <label className="checkbox field-wide">
            <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} /> {t('admin.activeLabel')}
          </label>
        )}
        {problem && (
          <p role="alert" className="field-error field-wide">
            {problem}
          </p>
        )}
        <ErrorMessage error={save.error} className="field-wide" />
        <DialogActions submitLabel={t('admin.save')} onCancel={onClose} pending={save.isPending} wide />
      </form>
    </Dialog>
  );
}

/** "fr, us" → ["FR", "US"] */
function splitMarkets(value: string): string[] {
  return [...new Set(value.split(/[,;\s]+/).map((code) => code.trim().toUpperCase()).filter(Boolean))];
}
