/**
 * Memory another thread touched first (collections/memory.ts): the entries reader asks for exactly
 * the blocks entryReaderBlockSizes names, so the worker's touching is never wasted, and what it
 * reads is the same whichever memory it is given.
 */
import * as path from 'node:path';
import { BlockPool, buildLedger, entryReaderBlockSizes, touchPages, type RawTable } from '../../src/core';
import { readLedgerFolder } from '../../src/adapters/csv/readLedgerFolder';

const SAMPLE = path.join(__dirname, '../../examples/sample-ledger');

describe('memory touched by another thread', () => {
  it('a pool hands each block once, to a request of exactly its size; any other request gets fresh memory', () => {
    const a = new SharedArrayBuffer(64);
    const b = new SharedArrayBuffer(64);
    const pool = new BlockPool([a, new SharedArrayBuffer(8), b]);
    expect(pool.block(64)).toBe(a);
    expect(pool.block(64)).toBe(b);
    const fresh = pool.block(64);
    expect(fresh).not.toBe(a);
    expect(fresh).toBeInstanceOf(ArrayBuffer);
    expect(pool.block(16)).toBeInstanceOf(ArrayBuffer);
    expect(pool.left).toBe(1);
  });

  it('touching pages changes no byte', () => {
    const block = new SharedArrayBuffer(3 * 4096 + 6);
    const bytes = new Uint8Array(block);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 37) & 0xff;
    const before = Uint8Array.from(bytes);
    touchPages([block]);
    expect(Buffer.from(bytes).equals(Buffer.from(before))).toBe(true);
  });

  it('the entries reader takes every block entryReaderBlockSizes names, and reads the same ledger from them', () => {
    const folder = readLedgerFolder(SAMPLE);
    if (!folder.ok) throw new Error(folder.error.en);
    const entries = folder.tables.entries as RawTable;
    const bytes = entries.bytes;
    if (bytes === undefined) throw new Error('no bytes');
    const pool = new BlockPool(entryReaderBlockSizes(entries.rows.length).map((n) => new SharedArrayBuffer(n)));
    const pooled = buildLedger({ ...folder.tables, entries: { ...entries, bytes: { ...bytes, memory: pool } } }, { dateOrder: 'dmy' });
    expect(pool.left).toBe(0);
    expect(pooled.entries.posting.buffer).toBeInstanceOf(SharedArrayBuffer);
    const plain = buildLedger(folder.tables, { dateOrder: 'dmy' });
    expect(plain.entries.posting.buffer).toBeInstanceOf(ArrayBuffer);
    expect(pooled.entries.length).toBeGreaterThan(20);
    expect(pooled.entries.toArray()).toEqual(plain.entries.toArray());
    expect(pooled.issues).toEqual(plain.issues);
  });
});
