// What the server accepts as an attachment, checked in the browser too so a wrong file is refused
// at once with a clear message (the server still checks the bytes: 415 / 413).

export const ATTACHMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/webp'] as const;
export const ATTACHMENT_EXTENSIONS = ['.pdf', '.jpg', '.jpeg', '.png', '.webp'] as const;
export const MAX_ATTACHMENT_MB = 10;
export const MAX_ATTACHMENT_BYTES = MAX_ATTACHMENT_MB * 1024 * 1024;
/** For the file picker's `accept`. */
export const ATTACHMENT_ACCEPT = [...ATTACHMENT_TYPES, ...ATTACHMENT_EXTENSIONS].join(',');

export type AttachmentProblem = 'type' | 'size' | 'empty';

/** Why a picked file cannot be uploaded, or null when it may. Browsers may leave `type` blank: then the extension decides. */
export function attachmentProblem(file: { name: string; type: string; size: number }): AttachmentProblem | null {
  const name = file.name.toLowerCase();
  const typeOk = file.type
    ? (ATTACHMENT_TYPES as readonly string[]).includes(file.type)
    : ATTACHMENT_EXTENSIONS.some((ext) => name.endsWith(ext));
  if (!typeOk) return 'type';
  if (file.size === 0) return 'empty';
  if (file.size > MAX_ATTACHMENT_BYTES) return 'size';
  return null;
}
