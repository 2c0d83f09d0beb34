// Limits the teacher's screens check before sending, mirrored from the API (WorkLogCreate,
// LeaveCreate, the photo upload). The schema aliases these screens use live in src/api/types.ts.
export const MAX_PERIODS = 20;
export const MAX_DESCRIPTION = 2000;
export const MAX_REASON = 500;
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
