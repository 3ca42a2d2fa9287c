import type { Me, SignInRequest } from '@ivks/contracts';
import {
  createContext,
  use,
  useCallback,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { ApiRequestError, type ApiClient, type RequestFailure } from '../api/api-client';

export type Session =
  { status: 'restoring' } | { status: 'signed-out' } | { status: 'signed-in'; me: Me };

interface SessionContextValue {
  session: Session;
  api: ApiClient;
  signIn: (credentials: SignInRequest) => Promise<void>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

const STAFF_ACCOUNT: RequestFailure = {
  statusCode: 403,
  code: 'not_a_patient',
  message: 'This app is for patients. Clinic staff sign in to the clinic dashboard instead.',
};

export function SessionProvider({ api, children }: { api: ApiClient; children: ReactNode }) {
  const [session, setSession] = useState<Session>({ status: 'restoring' });

  useEffect(() => {
    let active = true;
    api.onSessionLost(() => setSession({ status: 'signed-out' }));

    const restore = async (): Promise<Session> => {
      if (!(await api.refresh())) {
        return { status: 'signed-out' };
      }
      const me = await api.request<Me>('/me');

      // The refresh cookie is shared by every app on this host, so it may belong to a staff member.
      return me.role === 'patient' ? { status: 'signed-in', me } : { status: 'signed-out' };
    };

    // Whatever stops the session coming back (no cookie, API unreachable), the way on is to sign in.
    void restore()
      .catch((): Session => ({ status: 'signed-out' }))
      .then((restored) => {
        if (active) {
          setSession(restored);
        }
      });

    return () => {
      active = false;
    };
  }, [api]);

  const signIn = useCallback(
    async (credentials: SignInRequest) => {
      await api.signIn(credentials);
      const me = await api.request<Me>('/me');
      if (me.role !== 'patient') {
        await api.signOut();
        throw new ApiRequestError(STAFF_ACCOUNT);
      }
      setSession({ status: 'signed-in', me });
    },
    [api],
  );

  const signOut = useCallback(async () => {
    try {
      await api.signOut();
    } finally {
      setSession({ status: 'signed-out' });
    }
  }, [api]);

  const value = useMemo(() => ({ session, api, signIn, signOut }), [session, api, signIn, signOut]);

  return <SessionContext value={value}>{children}</SessionContext>;
}

export function useSession(): SessionContextValue {
  const value = use(SessionContext);
  if (value === null) {
    throw new Error('useSession must be used inside a SessionProvider');
  }

  return value;
}
