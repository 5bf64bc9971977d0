// Create or edit a reviewer group: its lane, members (active holders of the lane's role), quorum
// rule, and the products and markets it reviews (none: the lane's default group).
import { LANE_ROLE, QUORUM_RULES, REVIEW_LANES, type QuorumRule, type ReviewGroup, type ReviewLane, type User } from '@vetted/contracts';
import { useState, type FormEvent } from 'react';
import { Dialog } from '../../../components/dialog';
import { DialogActions } from '../../../components/dialog-actions';
import { ErrorMessage } from '../../../components/error-message';
import { useT } from '../../../i18n/use-t';
import { useSaveReviewGroup } from '../api/review-groups';

/** "Cardiva, Respira" → ["Cardiva", "Respira"]; markets upper-cased. */
export function splitList(value: string, upper = false): string[] {
  return [...new Set(value.split(/[,;]+/).map((v) => (upper ? v.trim().toUpperCase() : v.trim())).filter(Boolean))];
}

export function ReviewGroupDialog({ group, users, onClose }: { group: ReviewGroup | null; users: readonly User[]; onClose: () => void }) {
  const { t } = useT();
  const save = useSaveReviewGroup();
  const [name, setName] = useState(group?.name ?? '');
  const [lane, setLane] = useState<ReviewLane>(group?.lane ?? 'medical');
  const [memberIds, setMemberIds] = useState<string[]>(group?.memberIds ?? []);
  const [rule, setRule] = useState<QuorumRule>(group?.quorum.rule ?? 'any');
  const [n, setN] = useState(group?.quorum.n ?? 2);
  const [products, setProducts] = useState((group?.products ?? []).join(', '));
  const [markets, setMarkets] = useState((group?.markets ?? []).join(', '));
  const [active, setActive] = useState(group?.active ?? true);
  const [problem, setProblem] = useState<string | null>(null);

  const candidates = users.filter((u) => u.active && u.roles.includes(LANE_ROLE[lane]));
  const chosen = memberIds.filter((id) => candidates.some((c) => c.id === id));
  const toggle = (id: string) => setMemberIds((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (chosen.length === 0) return setProblem(t('groups.needsMember'));
    if (rule === 'n_of_m' && (n < 1 || n > chosen.length)) return setProblem(t('groups.badN', { members: chosen.length }));
    const codes = splitList(markets, true);
    if (codes.some((c) => !/^[A-Z]{2}$/.test(c))) return setProblem(t('admin.badMarkets'));
    setProblem(null);
    const quorum = rule === 'n_of_m' ? { rule, n } : { rule };
    const body = { name, memberIds: chosen, quorum, products: splitList(products), markets: codes };
    const done = { onSuccess: onClose };
    if (group) save.mutate({ kind: 'update', id: group.id, body: { ...body, active } }, done);
    else save.mutate({ kind: 'create', body: { ...body, lane } }, done);
  };

  return (
    <Dialog title={group ? t('groups.editTitle', { name: group.name }) : t('groups.newTitle')} onClose={onClose}>
      <form className="form-grid" onSubmit={submit}>
        <div className="field">
          <label htmlFor="group-name">{t('groups.name')}</label>
          <input id="group-name" value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} />
        </div>
        <div className="field">
          <label htmlFor="group-lane">{t('groups.lane')}</label>
          <select id="group-lane" value={lane} disabled={group !== null} onChange={(e) => setLane(e.target.value as ReviewLane)}>
            {REVIEW_LANES.map((l) => (
              <option key={l} value={l}>
                {t(`lane.${l}`)}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="field field-wide">
          <legend>{t('groups.members')}</legend>
          {candidates.length === 0 && <p className="field-hint">{t('groups.noCandidates', { role: t(`role.${LANE_ROLE[lane]}`) })}</p>}
          {candidates.map((u) => (
            <label key={u.id} className="checkbox">
              <input type="checkbox" checked={chosen.includes(u.id)} onChange={() => toggle(u.id)} /> {u.name}
            </label>
          ))}
        </fieldset>
        <fieldset className="field field-wide">
          <legend>{t('groups.quorum')}</legend>
          {QUORUM_RULES.map((r) => (
            <label key={r} className="checkbox">
              <input type="radio" name="quorum-rule" value={r} checked={rule === r} onChange={() => setRule(r)} /> {t(`groups.rule.${r}`)}
            </label>
          ))}
          {rule === 'n_of_m' && (
            <div className="field">
              <label htmlFor="group-n">{t('groups.n')}</label>
              <input id="group-n" type="number" min={1} max={Math.max(1, chosen.length)} value={n} onChange={(e) => setN(Number(e.target.value))} />
            </div>
          )}
          <p className="field-hint">{t('groups.ruleHint')}</p>
        </fieldset>
        <div className="field">
          <label htmlFor="group-products">{t('groups.products')}</label>
          <input id="group-products" value={products} onChange={(e) => setProducts(e.target.value)} aria-describedby="group-scope-hint" />
        </div>
        <div className="field">
          <label htmlFor="group-markets">{t('groups.markets')}</label>
          <input id="group-markets" value={markets} onChange={(e) => setMarkets(e.target.value)} spellCheck={false} aria-describedby="group-scope-hint" />
        </div>
        <p id="group-scope-hint" className="field-hint field-wide">
          {t('groups.scopeHint')}
        </p>
        {group && (
          <label className="checkbox field-wide">
            <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} /> {t('groups.activeLabel')}
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
