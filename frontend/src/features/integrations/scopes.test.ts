import { describe, expect, it } from 'vitest';
import zhCN from '../../i18n/zh-CN.json';
import en from '../../i18n/en.json';
import { groupScopes, isScope, parseScope, SCOPE_RESOURCES, SCOPES, shellQuote, sortScopes, tokenRequestSnippet } from './scopes';

describe('scopes', () => {
  it('parses a scope into its resource and access', () => {
    expect(parseScope('rotations:write')).toEqual({ resource: 'rotations', access: 'write' });
    expect(parseScope('checkins:write')).toEqual({ resource: 'checkins', access: 'write' });
    expect(parseScope('users:read')).toBeNull();
    expect(parseScope('schools:delete')).toBeNull();
    expect(parseScope('schools:read:extra')).toBeNull();
    expect(parseScope('')).toBeNull();
    expect(isScope('reports:read')).toBe(true);
    expect(isScope('reports:write')).toBe(false);
  });

  it('groups every scope by resource, in the resources’ order, reading before writing', () => {
    const groups = groupScopes();
    expect(groups.map((g) => g.resource)).toEqual([...SCOPE_RESOURCES]);
    expect(groups.find((g) => g.resource === 'agreements')?.scopes).toEqual([
      { scope: 'agreements:read', access: 'read' },
      { scope: 'agreements:write', access: 'write' },
    ]);
    expect(groups.find((g) => g.resource === 'checkins')?.scopes).toEqual([{ scope: 'checkins:write', access: 'write' }]);
    expect(groups.flatMap((g) => g.scopes.map((s) => s.scope)).sort()).toEqual([...SCOPES].sort());
  });

  it('leaves out resources without scopes and puts reading first whatever the input order', () => {
    expect(groupScopes(['meetings:write', 'schools:read', 'meetings:read'])).toEqual([
      { resource: 'schools', scopes: [{ scope: 'schools:read', access: 'read' }] },
      {
        resource: 'meetings',
        scopes: [
          { scope: 'meetings:read', access: 'read' },
          { scope: 'meetings:write', access: 'write' },
        ],
      },
    ]);
    expect(groupScopes([])).toEqual([]);
  });

  it("sorts a client's scopes in the server's order, unknown ones last, without duplicates", () => {
    expect(sortScopes(['reports:read', 'future:read', 'schools:read', 'reports:read', 'agreements:write'])).toEqual([
      'schools:read',
      'agreements:write',
      'reports:read',
      'future:read',
    ]);
  });

  it('has a label and a description for every scope and resource in both languages', () => {
    for (const dict of [zhCN, en]) {
      const info: Record<string, Record<string, { label?: string; help?: string }>> = dict.integration.scopeInfo;
      const resources: Record<string, string> = dict.integration.resources;
      for (const scope of SCOPES) {
        const parsed = parseScope(scope);
        expect(parsed).not.toBeNull();
        if (!parsed) continue;
        expect(info[parsed.resource]?.[parsed.access]?.label).toBeTruthy();
        expect(info[parsed.resource]?.[parsed.access]?.help).toBeTruthy();
        expect(resources[parsed.resource]).toBeTruthy();
      }
    }
  });
});

describe('tokenRequestSnippet', () => {
  it('asks for a token with the client credentials grant, the secret read from the environment', () => {
    expect(tokenRequestSnippet({ origin: 'https://pairing.example.gov.cn/', clientId: 'pc_1a2b3c4d5e6f7a8b' })).toBe(
      [
        'curl -s -X POST https://pairing.example.gov.cn/api/v1/auth/token \\',
        '  -d grant_type=client_credentials \\',
        '  -d client_id=pc_1a2b3c4d5e6f7a8b \\',
        '  -d client_secret="$CLIENT_SECRET"',
      ].join('\n'),
    );
  });

  it('never contains a secret and may ask for fewer scopes', () => {
    const snippet = tokenRequestSnippet({
      origin: 'http://127.0.0.1:8000',
      clientId: 'pc_00',
      scopes: ['schools:read', 'agreements:read'],
    });
    expect(snippet.split('\n').at(-1)).toBe(`  -d scope='schools:read agreements:read'`);
    expect(snippet).toContain('http://127.0.0.1:8000/api/v1/auth/token');
    expect(snippet).toContain('"$CLIENT_SECRET"');
  });

  it('quotes words a shell would split or expand', () => {
    expect(shellQuote('pc_1a2b')).toBe('pc_1a2b');
    expect(shellQuote('a b')).toBe(`'a b'`);
    expect(shellQuote(`it's`)).toBe(`'it'\\''s'`);
    expect(shellQuote('$HOME')).toBe(`'$HOME'`);
    expect(tokenRequestSnippet({ origin: 'http://h', clientId: 'x;rm -rf' })).toContain(`-d client_id='x;rm -rf'`);
  });
});
