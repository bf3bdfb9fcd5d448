// A test page's script: the browser documents module, callable from Playwright by name with JSON
// arguments; byte results come back as base64 (the harness decodes them in Node).
import * as documents from '../../src/adapters/documents/browser';
import { LABELS, type Language } from '../../src/core';
import { fromBase64, toBase64 } from '../../src/adapters/documents/browser/pdfViewerProtocol';

type Fn = (...args: unknown[]) => unknown;

/**
 * { $bytes: base64 } anywhere in the arguments becomes a Uint8Array (JSON has no bytes), and
 * { $labels: language } the core's labels (they hold functions, which do not cross to the page).
 */
function revive(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(revive);
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  if (typeof record['$bytes'] === 'string') return fromBase64(record['$bytes']);
  if (typeof record['$labels'] === 'string') return LABELS[record['$labels'] as Language];
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, revive(v)]));
}

async function call(name: string, args: unknown[]): Promise<unknown> {
  const fn = (documents as unknown as Record<string, Fn>)[name];
  if (typeof fn !== 'function') throw new Error(`no export ${name}`);
  const result = await fn(...(revive(args) as unknown[]));
  return result instanceof Uint8Array ? { base64: toBase64(result) } : result;
}

Object.assign(globalThis, { __documents: { call, revive, fromBase64, toBase64, module: documents } });
