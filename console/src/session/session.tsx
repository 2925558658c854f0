import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api, ApiError, unwrap, whenUnauthenticated } from '../api/client';
import type { paths } from '../api/schema';
import { clearToken, readToken, storeToken } from './token-storage';


/** Who the signed-in token is. */
export type Me = paths['/v1/me']['get']['responses'][200]['content']['application/json'];

interface SessionValue {
  /** The signed-in token's identity; undefined while signed out. */
  me: Me | undefined;
  /** Checks a token with the server and keeps it; throws ApiError when it is refused. */
  signIn(token: string): Promise<void>;
  signOut(): void;
}

/** The roles that work in the console; other tokens (a payment platform's service token) cannot sign in. */
export const consoleRoles: readonly string[] = ['analyst', 'admin'];

/** Raised when a valid token has a role the console is not for. */
export class RoleNotForConsoleError extends Error {
  constructor(readonly role: string) {
    super(`A ${role} token cannot use the console; sign in with an analyst or admin token.`);
    this.name = 'RoleNotForConsoleError';
  }
}

const SessionContext = createContext<SessionValue | undefined>(undefined);

async function whoIs(token: string): Promise<Me> {
  return unwrap(await api.GET('/v1/me', { headers: { authorization: `Bearer ${token}` } }));
}

/** Holds the session: restores it from session storage on load, and drops it when the server refuses the token. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [me, setMe] = useState<Me | undefined>(undefined);
  const [restoring, setRestoring] = useState(() => readToken() !== null);

  const signOut = useCallback(() => {
    clearToken();
    setMe(undefined);
    queryClient.clear();
  }, [queryClient]);

  useEffect(() => {
    whenUnauthenticated(signOut);
    const token = readToken();
    if (token === null) return;
    whoIs(token)
      .then((identity) => (consoleRoles.includes(identity.role) ? setMe(identity) : clearToken()))
      .catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 401) clearToken();
      })
      .finally(() => setRestoring(false));
  }, [signOut]);

  const signIn = useCallback(async (token: string) => {
    const identity = await whoIs(token);
    if (!consoleRoles.includes(identity.role)) throw new RoleNotForConsoleError(identity.role);
    storeToken(token);
    setMe(identity);
  }, []);

  const value = useMemo(() => ({ me, signIn, signOut }), [me, signIn, signOut]);
  if (restoring) return <p className="restoring" role="status">Restoring your session…</p>;
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The current session. */
export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (value === undefined) throw new Error('useSession outside SessionProvider');
  return value;
}
