import createClient from 'openapi-fetch';
import type { paths } from '../../../src/api/schema';
import { BASE_URL, demoPassword, type DemoUser } from './env';

/**
 * The typed API client signed in as a demo account, for a spec's setup (e.g. the teacher asks for
 * leave before the host school decides it in the browser). Throws on a refused sign-in.
 */
export async function apiAs(user: DemoUser) {
  const res = await fetch(`${BASE_URL}/api/v1/auth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username: user, password: demoPassword() }),
  });
  if (!res.ok) throw new Error(`sign-in as ${user} failed: HTTP ${res.status}`);
  const { access_token: token } = (await res.json()) as { access_token: string };
  return createClient<paths, 'application/json'>({ baseUrl: BASE_URL, headers: { Authorization: `Bearer ${token}` } });
}

/** The answer's data, or an error naming the status and the problem's detail. */
export function ok<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.response.ok && result.data !== undefined) return result.data;
  throw new Error(`HTTP ${result.response.status}: ${JSON.stringify(result.error)}`);
}
