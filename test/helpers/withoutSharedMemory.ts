// The engine's tests run without SharedArrayBuffer and Atomics, as in an Office webview (jest.config.js).
delete (globalThis as { SharedArrayBuffer?: unknown }).SharedArrayBuffer;
delete (globalThis as { Atomics?: unknown }).Atomics;
