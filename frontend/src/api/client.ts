// The one API client: same origin, bearer token kept in memory only, Accept-Language,
// and on a 401 one attempt at /auth/refresh (httpOnly cookie) before giving up.
import createClient from 'openapi-fetch';
import type { paths } from './schema';
import type { Token } from './types';
import { ApiError, toProblem } from './problem';

const API = '/api/v1';

let accessToken: string | null = null;
let language = 'zh-CN';
let onAuthLost: (() => void) | null = null;
let refreshing: Promise<boolean> | null = null;

export function setAccessToken(token: string | null): void {
  accessToken = token;
}
export function getAccessToken(): string | null {
  return accessToken;
}
export function setApiLanguage(lang: string): void {
  language = lang;
}
/** Called when the session cannot be restored (refresh failed): the app goes to the login page. */
export function setOnAuthLost(handler: (() => void) | null): void {
  onAuthLost = handler;
}

function decorate(request: Request): Request {
  const headers = new Headers(request.headers);
  if (accessToken) headers.set('Authorization', `Bearer ${accessToken}`);
  headers.set('Accept-Language', language);
  return new Request(request, { headers, credentials: 'same-origin' });
}

const NO_REFRESH = [`${API}/auth/token`, `${API}/auth/refresh`, `${API}/auth/logout`, `${API}/auth/password`];

/** Ask for a new access token with the refresh cookie; concurrent callers share one attempt. */
export function refreshSession(): Promise<boolean> {
  if (!refreshing) {
    refreshing = (async () => {
      try {
        const res = await fetch(`${API}/auth/refresh`, {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'Accept-Language': language },
        });
        if (!res.ok) {
          accessToken = null;
          return false;
        }
        const body = (await res.json()) as Token;
        accessToken = body.access_token;
        return true;
      } catch {
        accessToken = null;
        return false;
      } finally {
        refreshing = null;
      }
    })();
  }
  return refreshing;
}

/** fetch with auth, language and the 401 → refresh → retry-once rule. */
export async function authFetch(input: Request): Promise<Response> {
  const retry = input.clone();
  const res = await fetch(decorate(input));
  const path = new URL(input.url, window.location.origin).pathname;
  if (res.status !== 401 || NO_REFRESH.includes(path)) return res;
  if (await refreshSession()) return fetch(decorate(retry));
  onAuthLost?.();
  return res;
}

// Only JSON answers are typed; lists' .xlsx variant is fetched by downloadXlsx.
export const api = createClient<paths, 'application/json'>({
  baseUrl: '',
  credentials: 'same-origin',
  fetch: authFetch,
});

/**
 * Unwrap an openapi-fetch answer: the data, or an ApiError carrying the problem.
 * Usage: `unwrap(await api.GET(...))`.
 */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.response.ok && result.error === undefined) {
    return result.data as T;
  }
  throw new ApiError(toProblem(result.error, result.response.status), result.error);
}

/** If-Match header for optimistic concurrency. */
export function ifMatch(version: number): Record<string, string> {
  return { 'If-Match': `"${version}"` };
}

/** Turn filters into a query string, dropping empty values. */
export function toQueryString(params: Record<string, string | number | boolean | null | undefined>): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue;
    sp.set(k, String(v));
  }
  return sp.toString();
}

/** An error answer as an ApiError (its problem+json body read when there is one). */
export async function problemOf(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    body = null;
  }
  return new ApiError(toProblem(body, res.status), body);
}

/** GET a file (not JSON) with the bearer token: its bytes as a Blob, or an ApiError with the problem. */
export async function fetchBlob(path: string): Promise<Blob> {
  const res = await authFetch(new Request(new URL(path, window.location.origin), { method: 'GET' }));
  if (!res.ok) throw await problemOf(res);
  return res.blob();
}

/** Hand a blob to the browser as a downloaded file. */
export function saveBlob(blob: Blob, filename: string): void {
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 1000);
}

/** Show a blob in a new tab (PDFs and images open in the browser's viewer); false when blocked. */
export function openBlob(blob: Blob): boolean {
  const href = URL.createObjectURL(blob);
  // no 'noopener': with it window.open always answers null and a blocked pop-up could not be told apart
  const opened = window.open(href, '_blank');
  // the new tab loads the object URL on its own; keep it long enough for a slow viewer
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
  return opened !== null;
}

/** Download a list as Excel (?format=xlsx, same filters) with the bearer token, then save it. */
export async function downloadXlsx(
  resource: string,
  params: Record<string, string | number | boolean | null | undefined>,
  filename: string,
): Promise<void> {
  const qs = toQueryString({ ...params, limit: undefined, offset: undefined, format: 'xlsx' });
  saveBlob(await fetchBlob(`${API}/${resource}?${qs}`), filename);
}

interface XhrAnswer {
  status: number;
  body: unknown;
}

function postWithProgress(path: string, form: FormData, onProgress?: (percent: number) => void): Promise<XhrAnswer> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    if (accessToken) xhr.setRequestHeader('Authorization', `Bearer ${accessToken}`);
    xhr.setRequestHeader('Accept-Language', language);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && onProgress) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        body = xhr.responseText;
      }
      resolve({ status: xhr.status, body });
    };
    xhr.onerror = () => reject(new TypeError('network error'));
    xhr.send(form);
  });
}

/**
 * POST multipart/form-data with the bearer token, reporting upload progress (0–100) — fetch cannot.
 * Same rules as authFetch: a 401 refreshes the session once and retries. Throws ApiError on failure.
 */
export async function uploadForm<T>(path: string, form: FormData, onProgress?: (percent: number) => void): Promise<T> {
  let answer = await postWithProgress(path, form, onProgress);
  if (answer.status === 401) {
    if (await refreshSession()) answer = await postWithProgress(path, form, onProgress);
    else onAuthLost?.();
  }
  if (answer.status < 200 || answer.status >= 300) throw new ApiError(toProblem(answer.body, answer.status), answer.body);
  return answer.body as T;
}
