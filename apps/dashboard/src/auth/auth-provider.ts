import { isStaffRole, type Me, type Role } from '@ivks/contracts';
import { HttpError, type AuthProvider, type UserIdentity } from 'react-admin';
import { MFA_ENROLMENT_PATH } from '../account/account-paths';
import type { ApiClient, ErrorBody } from '../api/api-client';

/** What the app bar and the lists need to know about the signed-in staff member. */
export interface StaffIdentity extends UserIdentity {
  clinicName: string;
  clinicTimeZone: string;
}

export type SignInParams =
  | { email: string; password: string }
  | { mfaToken: string; code: string }
  | { mfaToken: string; recoveryCode: string };

/** Sends react-admin to the enrolment page, keeping the person signed in and saying why. */
class MfaEnrolmentRequired extends Error {
  readonly redirectTo = MFA_ENROLMENT_PATH;
  readonly logoutUser = false;
}

/** Thrown by `login` when the password was right and a code from the authenticator app is due. */
export class MfaCodeRequired extends Error {
  constructor(readonly mfaToken: string) {
    super('Enter the code from your authenticator app.');
    this.name = 'MfaCodeRequired';
  }
}

const NOT_STAFF =
  'This dashboard is for clinic staff. Patients sign in to the patient app instead.';

export function createAuthProvider(api: ApiClient): AuthProvider {
  let me: Promise<Me> | null = null;

  const loadMe = (): Promise<Me> => {
    me ??= api.request<Me>('/me').then(
      ({ body }) => body,
      (error: unknown) => {
        me = null;
        throw error;
      },
    );

    return me;
  };

  const ensureSession = async (): Promise<boolean> => api.hasSession || api.refresh();

  return {
    login: async (params: SignInParams) => {
      me = null;
      const step =
        'mfaToken' in params
          ? await api.completeMfa(params)
          : await api.signIn({ email: params.email.trim(), password: params.password });
      if (step.step === 'mfa') {
        throw new MfaCodeRequired(step.mfaToken);
      }
      if (step.mfaEnrolmentRequired) {
        return { redirectTo: MFA_ENROLMENT_PATH };
      }
      const signedIn = await loadMe();
      if (!isStaffRole(signedIn.role)) {
        me = null;
        await api.signOut();
        throw new HttpError(NOT_STAFF, 403, {});
      }

      return undefined;
    },

    logout: async () => {
      me = null;
      if (!api.hasSession) {
        return;
      }
      try {
        await api.signOut();
      } catch (error) {
        // The token is already gone from memory, so this tab is signed out whatever the server said;
        // the refresh cookie expires on its own. Tell the person rather than trap them signed in.
        throw new HttpError(
          `You are signed out here, but the server could not be told: ${(error as Error).message}`,
          0,
          {},
        );
      }
    },

    checkAuth: async () => {
      if (!(await ensureSession())) {
        throw new HttpError('Please sign in to continue.', 401, {});
      }
    },

    checkError: (error: unknown) => {
      // The API client has already tried one refresh; a 401 that gets here means the session is over.
      if (error instanceof HttpError && error.status === 401) {
        me = null;

        return Promise.reject(error);
      }
      // The clinic requires a second factor this person has not set up: nothing else answers.
      if (
        error instanceof HttpError &&
        (error.body as ErrorBody | undefined)?.code === 'mfa_enrolment_required'
      ) {
        return Promise.reject(new MfaEnrolmentRequired(error.message));
      }

      return Promise.resolve();
    },

    getPermissions: async (): Promise<Role | undefined> => {
      if (!(await ensureSession())) {
        return undefined;
      }

      return (await loadMe()).role;
    },

    getIdentity: async (): Promise<StaffIdentity> => {
      const { userId, displayName, clinic } = await loadMe();

      return {
        id: userId,
        fullName: displayName,
        clinicName: clinic.name,
        clinicTimeZone: clinic.timeZone,
      };
    },
  };
}
