import type { Language, Localised } from '../core';

/** Why a function gives an error rather than a value: `#VALUE!` (bad input) or `#N/A` (nothing found), with a message in both languages. */
export class FunctionProblem extends Error {
  constructor(readonly text: Localised, readonly kind: 'value' | 'notAvailable' = 'value') {
    super(text.en);
  }
}

/** The runtime's error class and codes, as far as the functions use them (declared here so the module needs no global typings). */
interface CustomFunctionsRuntime {
  Error: new (code: string, message?: string) => object;
  ErrorCode: { invalidValue: string; notAvailable: string };
}

function runtime(): CustomFunctionsRuntime {
  const cf = (globalThis as unknown as { CustomFunctions?: CustomFunctionsRuntime }).CustomFunctions;
  if (cf === undefined) throw new Error('CustomFunctions runtime not loaded');
  return cf;
}

/** Excel shows custom messages on #VALUE! and #N/A only, at most 255 characters or so in the error tip. */
const MAX_MESSAGE = 250;

/** The problem as the error Excel shows in the cell, its message in the display language. */
export function excelErrorOf(problem: FunctionProblem, language: Language): object {
  const cf = runtime();
  const text = problem.text[language];
  const message = text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE - 1)}…` : text;
  return new cf.Error(problem.kind === 'notAvailable' ? cf.ErrorCode.notAvailable : cf.ErrorCode.invalidValue, message);
}

/** Runs a function's body; a problem becomes the Excel error (thrown, as the runtime expects). */
export async function answer<T>(language: Language, body: () => Promise<T> | T): Promise<T> {
  try {
    return await body();
  } catch (e) {
    if (e instanceof FunctionProblem) throw excelErrorOf(e, language);
    throw e;
  }
}
