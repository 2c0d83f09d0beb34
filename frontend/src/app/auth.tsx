// Session state: restores the session silently on start (refresh cookie), logs in and out,
// and holds the current user (/auth/me) from which access.ts derives capabilities.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api, refreshSession, setAccessToken, setOnAuthLost, unwrap } from '../api/client';
import type { Me } from '../api/types';
import { currentLanguage, normalizeLanguage, switchLanguage } from '../i18n';
import { accessFor, type Access } from './access';

export type AuthStatus = 'restoring' | 'anonymous' | 'authenticated';

interface AuthContextValue {
  status: AuthStatus;
  me: Me | null;
  access: Access;
  login: (username: string, password: string, pickedLanguage?: boolean) => Promise<Me>;
  logout: () => Promise<void>;
  setMe: (me: Me) => void;
}

const AuthContext = createContext<AuthContextValue | null>(null);

async function fetchMe(): Promise<Me> {
  return unwrap(await api.GET('/api/v1/auth/me'));
}

/**
 * After login the account's saved language is used — unless the user picked a language on the
 * login page just now: that newer, explicit choice is saved on the account instead.
 */
async function adoptLocale(me: Me, pickedOnLoginPage: boolean): Promise<Me> {
  const current = currentLanguage();
  const saved = normalizeLanguage(me.locale);
  if (pickedOnLoginPage && saved !== current) {
    try {
      return unwrap(await api.PATCH('/api/v1/auth/me', { body: { locale: current } }));
    } catch {
      return me;
    }
  }
  if (saved && saved !== current) await switchLanguage(saved);
  return me;
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<AuthStatus>('restoring');
  const [me, setMeState] = useState<Me | null>(null);

  const dropSession = useCallback(() => {
    setAccessToken(null);
    setMeState(null);
    setStatus('anonymous');
    queryClient.clear();
  }, [queryClient]);

  useEffect(() => {
    setOnAuthLost(dropSession);
    return () => setOnAuthLost(null);
  }, [dropSession]);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      try {
        if (!(await refreshSession())) throw new Error('no session');
        const current = await adoptLocale(await fetchMe(), false);
        if (cancelled) return;
        setMeState(current);
        setStatus('authenticated');
      } catch {
        if (!cancelled) {
          setAccessToken(null);
          setStatus('anonymous');
        }
      }
    })();
    return () => {
      cancelled = true;
    };
  }, []);

  const login = useCallback(async (username: string, password: string, pickedLanguage = false) => {
    const token = unwrap(
      await api.POST('/api/v1/auth/token', {
        // the client-credential fields have defaults (the schema lists them as required); a person sends none
        body: { username, password, grant_type: 'password', client_id: '', client_secret: '', scope: '' },
        bodySerializer: () => new URLSearchParams({ username, password, grant_type: 'password' }),
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      }),
    );
    setAccessToken(token.access_token);
    const current = await adoptLocale(await fetchMe(), pickedLanguage);
    queryClient.clear();
    setMeState(current);
    setStatus('authenticated');
    return current;
  }, [queryClient]);

  const logout = useCallback(async () => {
    try {
      await api.POST('/api/v1/auth/logout');
    } catch {
      // the local session ends whatever the server said
    }
    dropSession();
  }, [dropSession]);

  const value = useMemo<AuthContextValue>(
    () => ({ status, me, access: accessFor(me), login, logout, setMe: setMeState }),
    [status, me, login, logout],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

export function useAccess(): Access {
  return useAuth().access;
}
