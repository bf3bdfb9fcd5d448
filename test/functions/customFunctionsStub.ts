/**
 * A strict stub of the CustomFunctions global of Excel's runtime: the Error class (code and message)
 * and the ErrorCode values. Reading anything else throws, so a function that leans on more of the
 * runtime than the real one guarantees fails here first.
 */
export class StubCustomFunctionError extends Error {
  constructor(readonly code: string, message?: string) {
    super(message ?? '');
  }
}

export const ERROR_CODES = {
  divisionByZero: '#DIV/0!',
  invalidName: '#NAME?',
  invalidNumber: '#NUM!',
  invalidReference: '#REF!',
  invalidValue: '#VALUE!',
  notAvailable: '#N/A',
  nullReference: '#NULL!',
} as const;

function strict<T extends object>(target: T, name: string): T {
  return new Proxy(target, {
    get(t, p, receiver) {
      if (typeof p === 'symbol' || Object.prototype.hasOwnProperty.call(t, p) || p === 'prototype') return Reflect.get(t, p, receiver) as unknown;
      throw new Error(`${name}.${String(p)} is not part of the stub`);
    },
    set() {
      throw new Error(`${name} is read only`);
    },
  });
}

export function installCustomFunctions(): void {
  (globalThis as Record<string, unknown>)['CustomFunctions'] = strict({ Error: StubCustomFunctionError, ErrorCode: strict({ ...ERROR_CODES }, 'CustomFunctions.ErrorCode') }, 'CustomFunctions');
}

/** What a function threw: its Excel error code and message (fails the test when it did not throw the runtime's error). */
export async function excelErrorOf(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    const v = await p;
    throw new Error(`expected an Excel error, got ${JSON.stringify(v)}`);
  } catch (e) {
    if (!(e instanceof StubCustomFunctionError)) throw e;
    return { code: e.code, message: e.message };
  }
}
