// Placeholder so the add-in builds: the =STMT.* functions replace this file (issue 13).

/**
 * Days past due: asOf − dueDate when positive, else 0.
 * @customfunction DAYSOVERDUE
 * @param dueDate The due date (a serial number).
 * @param asOf The date to count to (a serial number).
 * @returns The days overdue.
 */
export function daysOverdue(dueDate: number, asOf: number): number {
  return Math.max(0, asOf - dueDate);
}
