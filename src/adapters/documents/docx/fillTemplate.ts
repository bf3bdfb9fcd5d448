/** The Node door of fillTemplateBytes: the same filling, with Buffers. */
import { fillTemplateBytes } from './fillTemplateBytes';

export { MAX_TEMPLATE_BYTES, MAX_TEMPLATE_UNZIPPED_BYTES } from './fillTemplateBytes';

/**
 * The filled document (.docx bytes). `templateName` names the template in error messages (its file
 * name). Throws TemplateError for any problem of the template; `data` is usually statementTemplateData.
 */
export function fillTemplate(templateBytes: Buffer, templateName: string, data: Record<string, unknown>): Buffer {
  const filled = fillTemplateBytes(templateBytes, templateName, data);
  return Buffer.from(filled.buffer, filled.byteOffset, filled.byteLength);
}
