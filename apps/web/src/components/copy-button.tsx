// Copies a secret (a token, a feed URL) to the clipboard and says so; the text stays selectable beside it.
import { Copy } from 'lucide-react';
import { useState } from 'react';
import { useT } from '../i18n/use-t';

export function CopyButton({ text, label }: { text: string; label: string }) {
  const { t } = useT();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <>
      <button type="button" className="button-secondary button-small" onClick={copy} aria-label={label}>
        <Copy aria-hidden="true" size={14} /> {t('common.copy')}
      </button>
      {copied && (
        <span role="status" className="field-hint">
          {t('common.copied')}
        </span>
      )}
    </>
  );
}
