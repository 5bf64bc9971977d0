// jsdom lacks a few browser APIs the web relies on: the modal <dialog>, pointer capture, element
// resize notifications and full screen. These stand-ins do what the browser would, just enough for
// component tests; `fetch` is not set here: each test gives its own fake server (fake-server.ts).
import { cleanup, configure } from '@testing-library/react';

afterEach(() => cleanup());

// The first render of a screen compiles its modules; on a busy CI machine that alone can pass the
// default 1 s of `findBy…`, which then fails a test whose screen is right.
configure({ asyncUtilTimeout: 5000 });

const proto = HTMLDialogElement.prototype as HTMLDialogElement & { showModal: () => void; close: () => void };
if (typeof proto.showModal !== 'function') {
  proto.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  proto.close = function close(this: HTMLDialogElement) {
    if (!this.hasAttribute('open')) return;
    this.removeAttribute('open');
    this.dispatchEvent(new Event('close'));
  };
}

for (const name of ['setPointerCapture', 'releasePointerCapture'] as const) {
  if (typeof Element.prototype[name] !== 'function') Element.prototype[name] = () => undefined;
}
if (typeof Element.prototype.hasPointerCapture !== 'function') Element.prototype.hasPointerCapture = () => false;
if (typeof Element.prototype.scrollIntoView !== 'function') Element.prototype.scrollIntoView = () => undefined;

if (typeof globalThis.ResizeObserver !== 'function') {
  globalThis.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
}

// jsdom has no media playback: play() resolves, pause() and load() do nothing.
Object.assign(HTMLMediaElement.prototype, {
  play: () => Promise.resolve(),
  pause: () => undefined,
  load: () => undefined,
});
