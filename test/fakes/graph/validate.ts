/**
 * Field-by-field checks of the request bodies the fake Graph accepts, after Graph's documented
 * shapes (message, fileAttachment, attachmentItem, singleValueLegacyExtendedProperty). Anything
 * not listed is refused as Graph refuses it: 400 with the property named.
 */
export class BadRequest extends Error {
  constructor(readonly code: string, message: string, readonly status = 400) {
    super(message);
  }
}

type Json = Record<string, unknown>;
const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);

function only(o: Json, type: string, allowed: readonly string[]): void {
  for (const k of Object.keys(o)) if (!allowed.includes(k)) throw new BadRequest('RequestBodyRead', `The property '${k}' does not exist on type '${type}'. Make sure to only use property names that are defined by the type or mark the type as open type.`);
}

function string(o: Json, key: string, type: string, required = false): string | undefined {
  const v = o[key];
  if (v === undefined && !required) return undefined;
  if (typeof v !== 'string') throw new BadRequest('RequestBodyRead', `Cannot convert the literal '${String(v)}' to the expected type 'Edm.String' (${type}.${key}).`);
  return v;
}

const ADDRESS = /^[^\s@<>(),;:"]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;

function recipient(x: unknown): string {
  if (!isObject(x)) throw new BadRequest('RequestBodyRead', 'A recipient must be an object');
  only(x, 'microsoft.graph.recipient', ['emailAddress']);
  const e = x['emailAddress'];
  if (!isObject(e)) throw new BadRequest('RequestBodyRead', 'recipient.emailAddress is required');
  only(e, 'microsoft.graph.emailAddress', ['address', 'name']);
  const address = string(e, 'address', 'microsoft.graph.emailAddress', true) as string;
  string(e, 'name', 'microsoft.graph.emailAddress');
  if (!ADDRESS.test(address)) throw new BadRequest('ErrorInvalidRecipients', `At least one recipient is not valid., Recipient '${address}' is not resolved.`);
  return address;
}

function recipients(o: Json, key: string): string[] {
  const v = o[key];
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw new BadRequest('RequestBodyRead', `${key} must be a collection`);
  return v.map(recipient);
}

export const MAX_INLINE_ATTACHMENT = 3 * 1024 * 1024;

export interface FileAttachment {
  readonly name: string;
  readonly contentType: string;
  readonly bytes: Buffer;
}

export function fileAttachment(x: unknown): FileAttachment {
  if (!isObject(x)) throw new BadRequest('RequestBodyRead', 'An attachment must be an object');
  only(x, 'microsoft.graph.fileAttachment', ['@odata.type', 'name', 'contentType', 'contentBytes', 'isInline', 'contentId']);
  if (x['@odata.type'] !== '#microsoft.graph.fileAttachment') throw new BadRequest('RequestBodyRead', "A type named '" + String(x['@odata.type']) + "' could not be resolved by the model.");
  const name = string(x, 'name', 'microsoft.graph.fileAttachment', true) as string;
  const contentType = string(x, 'contentType', 'microsoft.graph.fileAttachment') ?? 'application/octet-stream';
  const b64 = string(x, 'contentBytes', 'microsoft.graph.fileAttachment', true) as string;
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(b64) || b64.length % 4 !== 0) throw new BadRequest('RequestBodyRead', 'contentBytes is not valid base64 (Edm.Binary)');
  const bytes = Buffer.from(b64, 'base64');
  if (bytes.length >= MAX_INLINE_ATTACHMENT) throw new BadRequest('ErrorRequestEntityTooLarge', 'The attachment is too large: use an upload session for attachments of 3 MB or more.', 413);
  return { name, contentType, bytes };
}

export interface ExtendedProperty {
  readonly id: string;
  readonly value: string;
}

const PROPERTY_ID = /^(String|SystemTime|Integer|Boolean) (0x[0-9A-Fa-f]{4}|\{[0-9a-fA-F-]{36}\} (Name \S+|Id 0x[0-9A-Fa-f]{4}))$/;

function extendedProperty(x: unknown): ExtendedProperty {
  if (!isObject(x)) throw new BadRequest('RequestBodyRead', 'An extended property must be an object');
  only(x, 'microsoft.graph.singleValueLegacyExtendedProperty', ['id', 'value']);
  const id = string(x, 'id', 'microsoft.graph.singleValueLegacyExtendedProperty', true) as string;
  const value = string(x, 'value', 'microsoft.graph.singleValueLegacyExtendedProperty', true) as string;
  if (!PROPERTY_ID.test(id)) throw new BadRequest('ErrorInvalidProperty', `The extended property id '${id}' is not valid.`);
  if (id.startsWith('SystemTime') && !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(value)) throw new BadRequest('ErrorInvalidProperty', `'${value}' is not a valid SystemTime.`);
  return { id, value };
}

export interface DraftFields {
  readonly subject: string;
  readonly bodyType: 'text' | 'html';
  readonly body: string;
  readonly to: string[];
  readonly cc: string[];
  readonly bcc: string[];
  readonly replyTo: string[];
  readonly from: string | undefined;
  readonly attachments: FileAttachment[];
  readonly properties: ExtendedProperty[];
}

/** The message resource as POST /messages and sendMail's `message` take it. */
export function message(x: unknown): DraftFields {
  if (!isObject(x)) throw new BadRequest('RequestBodyRead', 'The request body must be a message object');
  only(x, 'microsoft.graph.message', ['subject', 'body', 'toRecipients', 'ccRecipients', 'bccRecipients', 'replyTo', 'from', 'attachments', 'singleValueExtendedProperties', 'importance']);
  const b = x['body'] ?? { contentType: 'text', content: '' };
  if (!isObject(b)) throw new BadRequest('RequestBodyRead', 'body must be an itemBody');
  only(b, 'microsoft.graph.itemBody', ['contentType', 'content']);
  const bodyType = (string(b, 'contentType', 'microsoft.graph.itemBody') ?? 'text').toLowerCase();
  if (bodyType !== 'text' && bodyType !== 'html') throw new BadRequest('RequestBodyRead', `Requested value '${bodyType}' was not found (microsoft.graph.bodyType).`);
  const attachments = x['attachments'] ?? [];
  const properties = x['singleValueExtendedProperties'] ?? [];
  if (!Array.isArray(attachments) || !Array.isArray(properties)) throw new BadRequest('RequestBodyRead', 'attachments and singleValueExtendedProperties must be collections');
  const from = x['from'];
  return {
    subject: string(x, 'subject', 'microsoft.graph.message') ?? '',
    bodyType,
    body: string(b, 'content', 'microsoft.graph.itemBody') ?? '',
    to: recipients(x, 'toRecipients'),
    cc: recipients(x, 'ccRecipients'),
    bcc: recipients(x, 'bccRecipients'),
    replyTo: recipients(x, 'replyTo'),
    from: from === undefined ? undefined : recipient(from),
    attachments: attachments.map(fileAttachment),
    properties: properties.map(extendedProperty),
  };
}

export function uploadSessionRequest(x: unknown): { name: string; size: number; contentType: string } {
  if (!isObject(x)) throw new BadRequest('RequestBodyRead', 'The request body must be an object');
  only(x, 'createUploadSession', ['AttachmentItem']);
  const item = x['AttachmentItem'];
  if (!isObject(item)) throw new BadRequest('RequestBodyRead', 'AttachmentItem is required');
  only(item, 'microsoft.graph.attachmentItem', ['attachmentType', 'name', 'size', 'contentType', 'isInline', 'contentId']);
  if (item['attachmentType'] !== 'file') throw new BadRequest('RequestBodyRead', "attachmentType must be 'file'");
  const size = item['size'];
  if (typeof size !== 'number' || !Number.isInteger(size) || size <= 0) throw new BadRequest('RequestBodyRead', 'size must be a positive Edm.Int64');
  if (size > 150 * 1024 * 1024) throw new BadRequest('ErrorAttachmentSizeShouldNotBeLessThanMinimumSize', 'Attachment size exceeds 150 MB.');
  return { name: string(item, 'name', 'microsoft.graph.attachmentItem', true) as string, size, contentType: string(item, 'contentType', 'microsoft.graph.attachmentItem') ?? 'application/octet-stream' };
}

/** sendMail: { message, saveToSentItems? }. */
export function sendMailRequest(x: unknown): { message: DraftFields; save: boolean } {
  if (!isObject(x)) throw new BadRequest('RequestBodyRead', 'The request body must be an object');
  only(x, 'sendMail', ['message', 'saveToSentItems']);
  const save = x['saveToSentItems'] ?? true;
  if (typeof save !== 'boolean') throw new BadRequest('RequestBodyRead', 'saveToSentItems must be Edm.Boolean');
  return { message: message(x['message']), save };
}
