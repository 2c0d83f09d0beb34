import { describe, expect, it } from 'vitest';
import { fitWithin, refusePhoto } from './photo';

describe('the log photo', () => {
  it('takes JPEG, PNG and WebP up to 10 MB, like the server', () => {
    expect(refusePhoto({ type: 'image/jpeg', size: 3_000_000 })).toBeNull();
    expect(refusePhoto({ type: 'image/png', size: 10 * 1024 * 1024 })).toBeNull();
    expect(refusePhoto({ type: 'image/webp', size: 1 })).toBeNull();
    expect(refusePhoto({ type: 'image/heic', size: 1 })).toBe('type');
    expect(refusePhoto({ type: 'application/pdf', size: 1 })).toBe('type');
    expect(refusePhoto({ type: 'image/jpeg', size: 10 * 1024 * 1024 + 1 })).toBe('size');
  });

  it('is made smaller keeping its proportions, never larger', () => {
    expect(fitWithin(4000, 3000)).toEqual({ width: 1600, height: 1200 });
    expect(fitWithin(3000, 4000)).toEqual({ width: 1200, height: 1600 });
    expect(fitWithin(800, 600)).toEqual({ width: 800, height: 600 });
  });
});
