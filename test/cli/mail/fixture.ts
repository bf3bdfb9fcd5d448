import * as fs from 'node:fs';
import * as path from 'node:path';
import { main } from '../../../src/cli/main';
import { tempDir } from '../../helpers/workbook';

export async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(['node', 'statements', ...args], { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

/**
 * A ledger folder: A (two addresses and a cc, English), B (French), C (no address → print list),
 * and an entry of an unknown customer Z (blocked); `extra` more customers X1..Xn with an address each.
 */
export function mailLedger(extra = 0): string {
  const dir = tempDir('stmt-mail-ledger-');
  const ledger = path.join(dir, 'ledger');
  fs.mkdirSync(ledger);
  const customers = ['customer_id,name,email,cc,language,currency', 'A,Alpha Ltd,"a1@alpha.example; a2@alpha.example",boss@alpha.example,en,EUR', 'B,Bêta SARL,compta@beta.example,,fr,EUR', 'C,Gamma,,,en,EUR'];
  const entries = ['customer_id,type,document_no,posting_date,due_date,amount', 'A,invoice,I1,2026-05-03,2026-06-02,1234.56', 'B,invoice,I2,2026-06-10,2026-07-10,300.00', 'B,invoice,I2b,2026-07-10,2026-08-10,20.00', 'C,invoice,I3,2026-06-01,2026-06-15,10.00', 'Z,invoice,I4,2026-06-01,2026-06-15,10.00'];
  for (let i = 1; i <= extra; i++) {
    customers.push(`X${i},Customer ${i},x${i}@customers.example,,en,EUR`);
    entries.push(`X${i},invoice,N${i},2026-06-0${1 + (i % 9)},2026-07-01,${100 + i}.00`);
  }
  fs.writeFileSync(path.join(ledger, 'customers.csv'), `${customers.join('\n')}\n`);
  fs.writeFileSync(path.join(ledger, 'entries.csv'), `${entries.join('\n')}\n`);
  return ledger;
}
