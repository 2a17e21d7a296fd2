import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { ApiError, setCsrfToken, setUnauthorizedHandler } from '../api/client.ts';
import { auth } from '../api/endpoints.ts';
import type { Me, User } from '../api/types.ts';
import { prefetchBrands } from '../hooks/use-brands.ts';
import type { MessageKey } from '../i18n.ts';
import { navigate, withQuery } from '../router.ts';
import { type Action, can } from './permissions.ts';

export interface Session {
  /** null while signed out; undefined while the first check is running. */
  user: User | null | undefined;
  /** A notice for the login page (session expired, signed out). */
  notice: MessageKey | null;
  login(username: string, password: string): Promise<void>;
  logout(): Promise<void>;
  can(action: Action): boolean;
}

const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

/** The signed-in user; only for components rendered behind the login gate. */
export function useUser(): User {
  const { user } = useSession();
  if (!user) throw new Error('useUser while signed out');
  return user;
}

function toUser(me: Me): User {
  return {
    id: me.userId ?? 0,
    username: me.username,
    displayName: me.displayName,
    role: me.role,
    team: me.team,
    permissions: me.permissions ?? [],
  };
}

function currentRoute(): string {
  return window.location.pathname + window.location.search;
}

/** Holds the session; on any 401, returns to the login page keeping the route to come back to. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null | undefined>(undefined);
  const [notice, setNotice] = useState<MessageKey | null>(null);
  const userRef = useRef<User | null | undefined>(undefined);
  userRef.current = user;

  const accept = useCallback((me: Me) => {
    setCsrfToken(me.csrfToken);
    void prefetchBrands();
    setUser(toUser(me));
    setNotice(null);
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      setCsrfToken(null);
      if (!userRef.current) return;
      setNotice('auth.expired');
      setUser(null);
      const route = currentRoute();
      if (!route.startsWith('/login')) navigate(withQuery('/login', { next: route }), { replace: true });
    });
    auth
      .me()
      .then(accept)
      .catch((err: unknown) => {
        if (err instanceof ApiError && err.status !== 401) console.warn('session check failed', err.message);
        setUser(null);
      });
    return () => setUnauthorizedHandler(null);
  }, [accept]);

  const login = useCallback(
    async (username: string, password: string) => accept(await auth.login(username, password)),
    [accept],
  );

  const logout = useCallback(async () => {
    try {
      await auth.logout();
    } catch {
      // Signed out locally either way.
    }
    setCsrfToken(null);
    setUser(null);
    setNotice('auth.loggedOut');
    navigate('/login', { replace: true });
  }, []);

  const value = useMemo<Session>(
    () => ({
      user,
      notice,
      login,
      logout,
      can: (a: Action) => (user ? can(user.role, a, user.permissions) : false),
    }),
    [user, notice, login, logout],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
