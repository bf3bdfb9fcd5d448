// A read-only grid of the in-memory workbook's sheets: tabs (hidden sheets marked), then the cells
// as Excel's values hold them (dates shown as dates where the cell's format is a date format).
import { excelSerialToDay, formatIsoDay } from '../src/core';
import type { SheetState, WorkbookState } from '../test/fakes/excel';
import { MAX_COLUMNS as EXCEL_COLUMNS } from '../test/fakes/excel/addresses';

const MAX_ROWS = 400;
const MAX_COLUMNS = 40;

export function columnName(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const isDateFormat = (f: string | undefined) => f !== undefined && /[dy]/i.test(f.replace(/"[^"]*"|\[[^\]]*\]/g, ''));

function cellText(sheet: SheetState, r: number, c: number, date1904: boolean): string {
  const v = sheet.values[r]?.[c];
  if (v === undefined) return '';
  if (typeof v === 'number' && isDateFormat(sheet.formats[r]?.[c])) {
    const date = excelSerialToDay(v, date1904);
    if (date.ok) return formatIsoDay(date.day);
  }
  return String(v);
}

/** Draws `state` into `root`, showing the sheet named `current` (else the active one); returns the sheet shown. */
export function renderGrid(root: HTMLElement, state: WorkbookState, current: string | undefined, onPick: (name: string) => void): string | undefined {
  root.replaceChildren();
  const shown = state.sheets.find((s) => s.name === current) ?? state.activeSheet ?? state.sheets[0];
  const tabs = document.createElement('div');
  tabs.className = 'tabs';
  tabs.setAttribute('role', 'tablist');
  for (const sheet of state.sheets) {
    const tab = document.createElement('button');
    tab.type = 'button';
    tab.setAttribute('role', 'tab');
    tab.setAttribute('aria-selected', String(sheet === shown));
    tab.textContent = sheet.visibility === 'Visible' ? sheet.name : `${sheet.name} (${sheet.visibility.toLowerCase()})`;
    tab.dataset['sheet'] = sheet.name;
    tab.addEventListener('click', () => onPick(sheet.name));
    tabs.appendChild(tab);
  }
  root.appendChild(tabs);
  if (shown === undefined) return undefined;
  const rows = Math.min(shown.values.length, MAX_ROWS);
  const columns = Math.min(Math.max(0, ...shown.values.slice(0, rows).map((r) => r?.length ?? 0)), MAX_COLUMNS);
  const table = document.createElement('table');
  table.className = 'grid';
  table.dataset['sheet'] = shown.name;
  const head = table.createTHead().insertRow();
  head.appendChild(document.createElement('th'));
  for (let c = 0; c < columns; c++) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = columnName(c);
    head.appendChild(th);
  }
  const body = table.createTBody();
  for (let r = 0; r < rows; r++) {
    const tr = body.insertRow();
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = String(r + 1);
    tr.appendChild(th);
    for (let c = 0; c < columns; c++) {
      const td = tr.insertCell();
      td.textContent = cellText(shown, r, c, state.date1904);
      td.dataset['address'] = `${columnName(c)}${r + 1}`;
      const fmt = shown.cellFormats.get(r * EXCEL_COLUMNS + c);
      if (fmt?.bold === true) td.style.fontWeight = '600';
    }
  }
  root.appendChild(table);
  if (shown.values.length > rows || columns === MAX_COLUMNS) {
    const note = document.createElement('p');
    note.textContent = `First ${rows} rows and ${columns} columns shown (of ${shown.values.length} rows).`;
    root.appendChild(note);
  }
  return shown.name;
}
