/**
 * The functions' metadata as custom-functions-metadata writes functions.json from functions.ts:
 * ids, parameters (names, types, which are optional, which are ranges) and result shapes.
 */
import * as path from 'node:path';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';

interface Parameter {
  name: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
}
interface FunctionMetadata {
  id: string;
  name: string;
  parameters: Parameter[];
  result: { type?: string; dimensionality?: string };
  options?: { requiresParameterAddresses?: boolean };
}

/** The signatures: [parameters, a trailing ? for optional, a [] for a range], and whether the result spills. */
const CONTRACT: Record<string, { parameters: string[]; spills: boolean }> = {
  BALANCE: { parameters: ['entries[]', 'customer', 'asOf', 'currency?', 'applications[]?'], spills: false },
  AGING: { parameters: ['entries[]', 'customer', 'asOf', 'bands?', 'by?', 'currency?', 'applications[]?'], spills: true },
  AGINGLABELS: { parameters: ['asOf', 'bands?'], spills: true },
  OPEN: { parameters: ['entries[]', 'document', 'asOf', 'applications[]?'], spills: false },
  DAYSOVERDUE: { parameters: ['dueDate', 'asOf'], spills: false },
  BUCKET: { parameters: ['dueDate', 'asOf', 'bands?'], spills: false },
  STATEMENT: { parameters: ['entries[]', 'customer', 'asOf', 'style?', 'from?', 'currency?', 'applications[]?'], spills: true },
  AGEDRECEIVABLES: { parameters: ['entries[]', 'asOf', 'bands?', 'by?', 'applications[]?', 'customers[]?'], spills: true },
};

it('functions.ts generates the eight functions with the issue\'s parameters and result shapes', async () => {
  const generated = await generateCustomFunctionsMetadata(path.join(__dirname, '../../src/functions/functions.ts'));
  expect(generated.errors).toEqual([]);
  const functions = (JSON.parse(generated.metadataJson) as { functions: FunctionMetadata[] }).functions;
  expect(functions.map((f) => f.id)).toEqual(Object.keys(CONTRACT));
  for (const f of functions) {
    const contract = CONTRACT[f.id] as { parameters: string[]; spills: boolean };
    expect([f.id, f.name]).toEqual([f.id, f.id]);
    expect([f.id, f.parameters.map((p) => `${p.name}${p.dimensionality === 'matrix' ? '[]' : ''}${p.optional === true ? '?' : ''}`)]).toEqual([f.id, contract.parameters]);
    // Every parameter is "any": ranges and cells as Excel passes them, errors included (the build sets allowErrorForDataTypeAny).
    for (const p of f.parameters) expect([f.id, p.name, p.type]).toEqual([f.id, p.name, 'any']);
    expect([f.id, f.result.dimensionality === 'matrix']).toEqual([f.id, contract.spills]);
    // The spilling functions over ranges ask Excel where their ranges are (a bad cell is then named by its sheet cell); Excel allows it only with a matrix result.
    expect([f.id, f.options?.requiresParameterAddresses === true]).toEqual([f.id, ['AGING', 'STATEMENT', 'AGEDRECEIVABLES'].includes(f.id)]);
  }
});
