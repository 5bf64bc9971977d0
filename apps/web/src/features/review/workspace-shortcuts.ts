// The workspace's keyboard shortcuts: one table read by the key handler and by the help dialog (`?`),
// so what the dialog lists is what the keys do.

export type WorkspaceCommand = 'nextComment' | 'previousComment' | 'zoomIn' | 'zoomOut' | 'zoomFit' | 'zoomActual' | 'fullScreen' | 'approve' | 'compare' | 'help';

export const WORKSPACE_SHORTCUTS: ReadonlyArray<{ command: WorkspaceCommand; keys: readonly string[] }> = [
  { command: 'nextComment', keys: ['j', 'n'] },
  { command: 'previousComment', keys: ['k', 'p'] },
  { command: 'zoomIn', keys: ['+', '='] },
  { command: 'zoomOut', keys: ['-'] },
  { command: 'zoomFit', keys: ['0'] },
  { command: 'zoomActual', keys: ['1'] },
  { command: 'fullScreen', keys: ['f'] },
  { command: 'compare', keys: ['c'] },
  { command: 'approve', keys: ['a'] },
  { command: 'help', keys: ['?'] },
];

const BY_KEY = new Map(WORKSPACE_SHORTCUTS.flatMap((s) => s.keys.map((k) => [k, s.command] as const)));

/** The command a key press asks for, or null: never while typing, with a modifier, or under a dialog. */
export function commandOf(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'target'>): WorkspaceCommand | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  const target = event.target as HTMLElement | null;
  if (target && typeof target.closest === 'function') {
    if (target.closest('input, textarea, select, [contenteditable="true"], dialog')) return null;
  }
  return BY_KEY.get(event.key.length === 1 ? event.key.toLowerCase() : event.key) ?? null;
}

/** The next (or previous) item of a list after the selected one, wrapping round. */
export function stepThrough<T extends { id: string }>(list: readonly T[], selectedId: string | null, delta: 1 | -1): T | undefined {
  if (list.length === 0) return undefined;
  const index = list.findIndex((x) => x.id === selectedId);
  if (index === -1) return delta === 1 ? list[0] : list[list.length - 1];
  return list[(index + delta + list.length) % list.length];
}
