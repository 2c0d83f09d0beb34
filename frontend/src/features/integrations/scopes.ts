// What an integration client may be granted: the fixed list of scopes (backend/app/integrations/scopes.py),
// grouped by the resource family they open, and the curl call that turns a client's id and secret
// into an access token (docs/integrations.md).
import type { IntegrationScope } from '../../api/types';

/** Every scope the server grants, in the server's order. */
export const SCOPES = [
  'schools:read',
  'teachers:read',
  'agreements:read',
  'agreements:write',
  'meetings:read',
  'meetings:write',
  'rotations:read',
  'rotations:write',
  'checkins:write',
  'reports:read',
] as const satisfies readonly IntegrationScope[];

export const SCOPE_RESOURCES = ['schools', 'teachers', 'agreements', 'meetings', 'rotations', 'checkins', 'reports'] as const;
export type ScopeResource = (typeof SCOPE_RESOURCES)[number];
export type ScopeAccess = 'read' | 'write';

export interface ScopeGroup {
  resource: ScopeResource;
  /** The group's scopes, reading before writing. */
  scopes: { scope: IntegrationScope; access: ScopeAccess }[];
}

function isResource(v: string): v is ScopeResource {
  return (SCOPE_RESOURCES as readonly string[]).includes(v);
}

/** "rotations:write" → { resource: "rotations", access: "write" }; null for a scope this app does not know. */
export function parseScope(scope: string): { resource: ScopeResource; access: ScopeAccess } | null {
  const [resource = '', access = '', ...rest] = scope.split(':');
  if (rest.length || !isResource(resource) || (access !== 'read' && access !== 'write')) return null;
  return { resource, access };
}

export function isScope(v: string): v is IntegrationScope {
  return (SCOPES as readonly string[]).includes(v);
}

/** The scopes by resource, in the resources' order (a resource without scopes is left out). */
export function groupScopes(scopes: readonly IntegrationScope[] = SCOPES): ScopeGroup[] {
  const groups = SCOPE_RESOURCES.map((resource): ScopeGroup => ({ resource, scopes: [] }));
  for (const scope of scopes) {
    const parsed = parseScope(scope);
    if (!parsed) continue;
    groups[SCOPE_RESOURCES.indexOf(parsed.resource)]?.scopes.push({ scope, access: parsed.access });
  }
  for (const g of groups) g.scopes.sort((a, b) => (a.access === b.access ? 0 : a.access === 'read' ? -1 : 1));
  return groups.filter((g) => g.scopes.length > 0);
}

/** A client's scopes in the server's order, unknown ones (from a newer server) at the end. */
export function sortScopes(scopes: readonly string[]): string[] {
  const rank = (s: string) => {
    const i = (SCOPES as readonly string[]).indexOf(s);
    return i < 0 ? SCOPES.length : i;
  };
  return [...new Set(scopes)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** A word for a POSIX shell: as is when it is plain, else in single quotes. */
export function shellQuote(word: string): string {
  return /^[A-Za-z0-9_.,:/=+@-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * The shell command that asks for an access token with a client's credentials (OAuth2 client
 * credentials, form-encoded). The secret is read from $CLIENT_SECRET, never written into the command
 * (it would end up in the shell's history); `scopes` asks for fewer than granted.
 */
export function tokenRequestSnippet({
  origin,
  clientId,
  scopes = [],
}: {
  origin: string;
  clientId: string;
  scopes?: readonly string[];
}): string {
  const base = origin.replace(/\/+$/, '');
  const lines = [
    `curl -s -X POST ${shellQuote(`${base}/api/v1/auth/token`)}`,
    '-d grant_type=client_credentials',
    `-d client_id=${shellQuote(clientId)}`,
    '-d client_secret="$CLIENT_SECRET"',
  ];
  if (scopes.length) lines.push(`-d scope=${shellQuote(scopes.join(' '))}`);
  return lines.join(' \\\n  ');
}
