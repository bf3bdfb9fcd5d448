// `npm run preview`: the real task pane (the production build of taskpane.html) in a frame, run
// against the in-memory Excel loaded from the bundled sample workbook or an .xlsx the user drops,
// with a read-only grid of the workbook's sheets beside it, redrawn after each Excel.run.
import { FakeExcel } from '../test/fakes/excel';
import { renderGrid } from './grid';
import { workbookFromXlsx } from './workbookFromXlsx';

const params = new URLSearchParams(location.search);
let language = params.get('lang') === 'fr' ? 'fr-FR' : 'en-US';
let excel: FakeExcel | undefined;
let currentSheet: string | undefined;
let runs = 0;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

function redraw(): void {
  if (excel === undefined) return;
  currentSheet = renderGrid($('grid'), excel.state, currentSheet, (name) => {
    currentSheet = name;
    redraw();
  });
  $('grid').dataset['runs'] = String(runs);
}

Object.assign(window, {
  __preview: {
    excel: () => {
      if (excel === undefined) throw new Error('no workbook loaded yet');
      return excel;
    },
    displayLanguage: () => language,
    afterRun: () => {
      runs++;
      redraw();
    },
  },
});

function reloadPane(): void {
  $<HTMLIFrameElement>('pane').src = `../taskpane.html?preview=${Date.now()}`;
}

async function load(name: string, bytes: ArrayBuffer): Promise<void> {
  const status = $('status');
  status.textContent = `Reading ${name}…`;
  try {
    excel = new FakeExcel(await workbookFromXlsx(bytes));
    currentSheet = undefined;
    runs = 0;
    status.textContent = `${name}: ${excel.state.sheets.length} sheets. Drop another .xlsx to use it instead.`;
    $('status').dataset['workbook'] = name;
    redraw();
    reloadPane();
  } catch (error) {
    status.textContent = `${name} could not be read: ${error instanceof Error ? error.message : String(error)}`;
  }
}

async function loadFile(file: File): Promise<void> {
  await load(file.name, await file.arrayBuffer());
}

function start(): void {
  const input = $<HTMLInputElement>('file');
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file !== undefined) void loadFile(file);
  });
  const zone = document.body;
  zone.addEventListener('dragover', (e) => {
    e.preventDefault();
    zone.classList.add('dragging');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('dragging'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('dragging');
    const file = e.dataTransfer?.files[0];
    if (file !== undefined) void loadFile(file);
  });
  const lang = $<HTMLSelectElement>('lang');
  lang.value = language;
  lang.addEventListener('change', () => {
    language = lang.value;
    reloadPane();
  });
  void fetch('sample-ledger.xlsx')
    .then((r) => r.arrayBuffer())
    .then((bytes) => load('sample-ledger.xlsx', bytes));
}

start();
