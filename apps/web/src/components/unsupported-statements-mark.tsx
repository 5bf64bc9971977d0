// Marks an item whose file makes statements no approved claim supports (claim detection), wherever
// items are listed, so reviewers and the committee see it before opening the item.
import { MessageSquareWarning } from 'lucide-react';
import { useT } from '../i18n/use-t';

export function UnsupportedStatementsMark({ count }: { count: number }) {
  const { t } = useT();
  if (count <= 0) return null;
  const label = t('item.unsupportedStatements', { count });
  return (
    <span className="unsupported-mark" role="img" aria-label={label} title={label}>
      <MessageSquareWarning aria-hidden="true" focusable="false" size={14} />
      <span aria-hidden="true">{count}</span>
    </span>
  );
}
