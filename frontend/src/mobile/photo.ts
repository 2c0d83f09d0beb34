// The log entry's photo: checked before it is sent, and made smaller on the phone first — a camera
// photo of 4–8 MB would take minutes over a rural connection; 1600 px at JPEG 0.8 is ~300 KB.
import { MAX_PHOTO_BYTES, PHOTO_TYPES } from './limits';

const MAX_SIDE = 1600;
const SHRINK_ABOVE_BYTES = 600 * 1024;

/** Why a picked file cannot be sent, or null when it can. */
export function refusePhoto(file: Pick<File, 'type' | 'size'>): 'type' | 'size' | null {
  if (!(PHOTO_TYPES as readonly string[]).includes(file.type)) return 'type';
  if (file.size > MAX_PHOTO_BYTES) return 'size';
  return null;
}

/** The side lengths that fit `max` keeping the proportions (never enlarged). */
export function fitWithin(width: number, height: number, max = MAX_SIDE): { width: number; height: number } {
  const scale = Math.min(1, max / Math.max(width, height));
  return { width: Math.round(width * scale), height: Math.round(height * scale) };
}

/**
 * A smaller JPEG of a large photo; the file itself when it is small already, or when the browser
 * cannot decode or encode it here (the server checks the original then).
 */
export async function shrinkPhoto(file: File): Promise<Blob> {
  if (file.size <= SHRINK_ABOVE_BYTES || typeof createImageBitmap !== 'function') return file;
  try {
    const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
    const { width, height } = fitWithin(bitmap.width, bitmap.height);
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext('2d');
    if (!ctx) return file;
    ctx.drawImage(bitmap, 0, 0, width, height);
    bitmap.close();
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.8));
    return blob && blob.size < file.size ? new File([blob], file.name.replace(/\.\w+$/, '') + '.jpg', { type: 'image/jpeg' }) : file;
  } catch {
    return file;
  }
}
