import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  authFetch,
  downloadXlsx,
  getAccessToken,
  ifMatch,
  refreshSession,
  setAccessToken,
  setApiLanguage,
  setOnAuthLost,
  toQueryString,
  unwrap,
  uploadForm,
} from './client';
import { ApiError } from './problem';

const ORIGIN = window.location.origin;
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const token = (access: string) => ({ access_token: access, token_type: 'bearer', expires_in: 1800, refresh_token: 'r' });

let fetchMock: ReturnType<typeof vi.fn<(input: RequestInfo | URL, init?: RequestInit) => Promise<Response>>>;

function seen(i: number): { url: string; auth: string | null; lang: string | null } {
  const [input, init] = fetchMock.mock.calls[i];
  const req = input instanceof Request ? input : new Request(new URL(String(input), ORIGIN), init);
  return { url: new URL(req.url).pathname, auth: req.headers.get('Authorization'), lang: req.headers.get('Accept-Language') };
}

beforeEach(() => {
  fetchMock = vi.fn<(input: RequestInfo | URL, init?: RequestInit) => Promise<Response>>();
  vi.stubGlobal('fetch', fetchMock);
  setAccessToken(null);
  setApiLanguage('zh-CN');
});
afterEach(() => {
  vi.unstubAllGlobals();
  setOnAuthLost(null);
});

describe('authFetch', () => {
  it('adds the bearer token and the UI language', async () => {
    setAccessToken('A1');
    setApiLanguage('en');
    fetchMock.mockResolvedValueOnce(json(200, { ok: true }));
    const res = await authFetch(new Request(`${ORIGIN}/api/v1/schools`));
    expect(res.status).toBe(200);
    expect(seen(0)).toEqual({ url: '/api/v1/schools', auth: 'Bearer A1', lang: 'en' });
  });

  it('on 401 refreshes once and retries with the new token', async () => {
    setAccessToken('old');
    fetchMock
      .mockResolvedValueOnce(json(401, { status: 401 }))
      .mockResolvedValueOnce(json(200, token('new')))
      .mockResolvedValueOnce(json(200, { items: [] }));
    const res = await authFetch(new Request(`${ORIGIN}/api/v1/schools`));
    expect(res.status).toBe(200);
    expect(seen(1).url).toBe('/api/v1/auth/refresh');
    expect(seen(2)).toMatchObject({ url: '/api/v1/schools', auth: 'Bearer new' });
    expect(getAccessToken()).toBe('new');
  });

  it('when the refresh fails, drops the token and reports the lost session', async () => {
    setAccessToken('old');
    const lost = vi.fn();
    setOnAuthLost(lost);
    fetchMock.mockResolvedValueOnce(json(401, { status: 401 })).mockResolvedValueOnce(json(401, { status: 401 }));
    const res = await authFetch(new Request(`${ORIGIN}/api/v1/schools`));
    expect(res.status).toBe(401);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(getAccessToken()).toBeNull();
    expect(lost).toHaveBeenCalledOnce();
  });

  it('does not try to refresh a failed login', async () => {
    fetchMock.mockResolvedValueOnce(json(401, { status: 401, detail: 'bad' }));
    const res = await authFetch(new Request(`${ORIGIN}/api/v1/auth/token`, { method: 'POST' }));
    expect(res.status).toBe(401);
    expect(fetchMock).toHaveBeenCalledOnce();
  });

  it('shares one refresh between concurrent callers', async () => {
    let release: (r: Response) => void = () => undefined;
    fetchMock.mockReturnValueOnce(new Promise<Response>((r) => (release = r)));
    const a = refreshSession();
    const b = refreshSession();
    release(json(200, token('T')));
    expect(await a).toBe(true);
    expect(await b).toBe(true);
    expect(fetchMock).toHaveBeenCalledOnce();
  });
});

describe('helpers', () => {
  it('unwrap returns data or throws an ApiError with the problem', () => {
    expect(unwrap({ data: 1, response: new Response(null, { status: 200 }) })).toBe(1);
    try {
      unwrap({ error: { status: 409, detail: 'dup', title: 'Conflict' }, response: new Response(null, { status: 409 }) });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ApiError);
      expect((e as ApiError).problem.detail).toBe('dup');
    }
  });

  it('If-Match quotes the version', () => {
    expect(ifMatch(3)).toEqual({ 'If-Match': '"3"' });
  });

  it('query strings drop empty values', () => {
    expect(toQueryString({ q: '', stage: 'primary', is_weak: false, region_id: undefined, limit: null })).toBe(
      'stage=primary&is_weak=false',
    );
  });

  it('downloadXlsx asks for the same filters as xlsx, with the token', async () => {
    setAccessToken('X');
    const createObjectURL = vi.fn(() => 'blob:x');
    const revokeObjectURL = vi.fn();
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL }));
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    fetchMock.mockResolvedValueOnce(new Response('x', { status: 200 }));
    await downloadXlsx('schools', { stage: 'primary', limit: 20, offset: 40, q: '' }, 'schools.xlsx');
    const req = fetchMock.mock.calls[0][0] as Request;
    expect(new URL(req.url).search).toBe('?stage=primary&format=xlsx');
    expect(req.headers.get('Authorization')).toBe('Bearer X');
    expect(click).toHaveBeenCalledOnce();
    click.mockRestore();
  });
});

/** A stand-in XMLHttpRequest answering from a queue, recording what was sent. */
class FakeXhr {
  static answers: { status: number; body: string }[] = [];
  static sent: { url: string; headers: Record<string, string> }[] = [];
  status = 0;
  responseText = '';
  upload: { onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  private url = '';
  private headers: Record<string, string> = {};
  open(_method: string, url: string) {
    this.url = url;
  }
  setRequestHeader(k: string, v: string) {
    this.headers[k] = v;
  }
  send() {
    FakeXhr.sent.push({ url: this.url, headers: this.headers });
    const next = FakeXhr.answers.shift() ?? { status: 500, body: '' };
    this.upload.onprogress?.({ lengthComputable: true, loaded: 50, total: 100 });
    this.status = next.status;
    this.responseText = next.body;
    this.onload?.();
  }
}

describe('uploadForm', () => {
  beforeEach(() => {
    FakeXhr.answers = [];
    FakeXhr.sent = [];
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
  });

  it('sends the token and language, reports progress and answers the JSON', async () => {
    setAccessToken('U1');
    FakeXhr.answers.push({ status: 201, body: JSON.stringify({ id: 7 }) });
    const progress: number[] = [];
    const out = await uploadForm<{ id: number }>('/api/v1/agreements/1/attachments', new FormData(), (p) => progress.push(p));
    expect(out).toEqual({ id: 7 });
    expect(progress).toEqual([50]);
    expect(FakeXhr.sent[0].headers).toEqual({ Authorization: 'Bearer U1', 'Accept-Language': 'zh-CN' });
  });

  it('turns a refusal into an ApiError with the server detail', async () => {
    FakeXhr.answers.push({ status: 413, body: JSON.stringify({ status: 413, title: '文件过大', detail: '文件不能超过 10 MB。' }) });
    const err = await uploadForm('/api/v1/agreements/1/attachments', new FormData()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).status).toBe(413);
    expect((err as ApiError).problem.detail).toBe('文件不能超过 10 MB。');
  });

  it('on 401 refreshes the session once and retries', async () => {
    setAccessToken('old');
    FakeXhr.answers.push({ status: 401, body: '' }, { status: 201, body: JSON.stringify({ id: 8 }) });
    fetchMock.mockResolvedValueOnce(json(200, token('new')));
    const out = await uploadForm<{ id: number }>('/api/v1/agreements/1/attachments', new FormData());
    expect(out).toEqual({ id: 8 });
    expect(FakeXhr.sent[1].headers.Authorization).toBe('Bearer new');
  });
});
