// Placeholder so the add-in builds: the =STMT.* functions replace this file (issue 13).

/**
 * Days past due: asOf − dueDate when positive, else 0; "" when either date is blank.
 * @customfunction DAYSOVERDUE
 * @param dueDate The due date (a serial number).
 * @param asOf The date to count to (a serial number).
 * @returns The days overdue.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a cell: number, "" or an error
export function daysOverdue(dueDate: any, asOf: any): number | string {
  if (typeof dueDate !== 'number' || typeof asOf !== 'number') return '';
  return Math.max(0, asOf - dueDate);
}
