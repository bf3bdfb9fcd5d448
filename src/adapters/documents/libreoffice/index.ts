/** DOCX → PDF through LibreOffice headless. */
export {
  convertToPdf,
  DEFAULT_BATCH_SIZE,
  defaultSofficeCandidates,
  findSoffice,
  LibreOfficeError,
  planBatches,
  sofficeMissing,
  type ConvertOptions,
  type FailedConversion,
  type FindSofficeOptions,
  type LibreOfficeErrorCode,
} from './convertToPdf';
