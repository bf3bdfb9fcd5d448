import type { Attachment } from '../outgoingMessage';
import type { GraphHttp } from './graphHttp';

/** Graph takes attachments under 3 MB inline; larger ones through an upload session. */
export const UPLOAD_SESSION_THRESHOLD = 3 * 1024 * 1024;
/** Byte ranges of at most 4 MB per PUT (Graph's limit), in multiples of 320 KiB. */
const CHUNK = 10 * 320 * 1024;

/** createUploadSession, then the bytes in order by Content-Range; the upload URL is pre-authorised (no token sent). */
export async function uploadLargeAttachment(http: GraphHttp, messagePath: string, a: Attachment): Promise<void> {
  const session = await http.request<{ uploadUrl: string }>('POST', `${messagePath}/attachments/createUploadSession`, {
    AttachmentItem: { attachmentType: 'file', name: a.name, size: a.content.length, contentType: a.contentType },
  });
  const url = session.json?.uploadUrl;
  if (url === undefined) throw new Error('createUploadSession: no uploadUrl');
  for (let start = 0; start < a.content.length; start += CHUNK) {
    const end = Math.min(a.content.length, start + CHUNK);
    await http.request('PUT', url, undefined, { 'content-range': `bytes ${start}-${end - 1}/${a.content.length}`, 'content-type': 'application/octet-stream' }, a.content.subarray(start, end));
  }
}
