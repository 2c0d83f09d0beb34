// Where the phone is, asked once per check-in with a short timeout. Never blocks a check-in: when
// the teacher refused, the phone has no fix or it takes too long, the answer says why.

export type Located =
  | { ok: true; latitude: number; longitude: number }
  | { ok: false; reason: 'denied' | 'unavailable' | 'timeout' };

/**
 * The current position, or why there is none. `timeoutMs` also bounds the wait when the browser's
 * permission prompt is left unanswered (the API's own timeout only starts once it is granted).
 */
export function locate(timeoutMs = 8000): Promise<Located> {
  const geo = typeof navigator !== 'undefined' ? navigator.geolocation : undefined;
  if (!geo) return Promise.resolve({ ok: false, reason: 'unavailable' });
  return new Promise((resolve) => {
    let done = false;
    const finish = (v: Located) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve(v);
    };
    const timer = setTimeout(() => finish({ ok: false, reason: 'timeout' }), timeoutMs + 500);
    try {
      geo.getCurrentPosition(
        (p) => finish({ ok: true, latitude: p.coords.latitude, longitude: p.coords.longitude }),
        (e) =>
          finish({
            ok: false,
            reason: e.code === e.PERMISSION_DENIED ? 'denied' : e.code === e.TIMEOUT ? 'timeout' : 'unavailable',
          }),
        // a coarse fix is enough for a 1 km radius and comes much faster on a cheap phone
        { enableHighAccuracy: false, timeout: timeoutMs, maximumAge: 5 * 60_000 },
      );
    } catch {
      finish({ ok: false, reason: 'unavailable' });
    }
  });
}
