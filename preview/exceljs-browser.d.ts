// exceljs's own browser bundle (the package's main build needs Node's fs and streams): same API.
declare module 'exceljs/dist/exceljs.min.js' {
  import ExcelJS from 'exceljs';
  export default ExcelJS;
}
