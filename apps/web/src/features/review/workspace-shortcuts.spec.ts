import { commandOf, stepThrough } from './workspace-shortcuts';

const key = (k: string, extra: Partial<KeyboardEvent> = {}) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, target: null, ...extra }) as KeyboardEvent;

describe('workspace shortcuts', () => {
  it('maps keys to commands, whatever the case', () => {
    expect(commandOf(key('j'))).toBe('nextComment');
    expect(commandOf(key('K'))).toBe('previousComment');
    expect(commandOf(key('+'))).toBe('zoomIn');
    expect(commandOf(key('?'))).toBe('help');
    expect(commandOf(key('x'))).toBeNull();
  });

  it('leaves browser shortcuts alone', () => {
    expect(commandOf(key('f', { ctrlKey: true }))).toBeNull();
    expect(commandOf(key('0', { metaKey: true }))).toBeNull();
  });

  it('steps through threads, wrapping round at both ends', () => {
    const list = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    expect(stepThrough(list, null, 1)?.id).toBe('a');
    expect(stepThrough(list, null, -1)?.id).toBe('c');
    expect(stepThrough(list, 'c', 1)?.id).toBe('a');
    expect(stepThrough(list, 'a', -1)?.id).toBe('c');
    expect(stepThrough([], 'a', 1)).toBeUndefined();
  });
});
