// Node globals jsdom's window leaves out and the app's libraries use (react-router encodes with
// TextEncoder); set before any module loads.
import { TextDecoder, TextEncoder } from 'node:util';

Object.assign(globalThis, { TextEncoder, TextDecoder });
if (typeof globalThis.structuredClone !== 'function') globalThis.structuredClone = <T,>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
