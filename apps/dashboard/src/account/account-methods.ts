import type {
  ChangePasswordRequest,
  MfaStatus,
  PasswordResetConfirmRequest,
  RecoveryCodes,
  TotpEnrolment,
} from '@ivks/contracts';
import type { DataProvider } from 'react-admin';
import type { ApiClient } from '../api/api-client';

/** The signed-in staff member's own credentials, and the password reset before signing in. */
export interface AccountMethods {
  mfaStatus(): Promise<MfaStatus>;
  startTotp(): Promise<TotpEnrolment>;
  confirmTotp(code: string): Promise<RecoveryCodes>;
  disableMfa(code: string): Promise<void>;
  /** After enrolment the session is refreshed, so that it no longer waits for one. */
  refreshSession(): Promise<boolean>;
  changePassword(request: ChangePasswordRequest): Promise<void>;
  signOutEverywhere(): Promise<void>;
  requestPasswordReset(email: string): Promise<{ message: string }>;
  confirmPasswordReset(request: PasswordResetConfirmRequest): Promise<void>;
}

export type AccountDataProvider = DataProvider & AccountMethods;

export function createAccountMethods(api: ApiClient): AccountMethods {
  const post = async <T>(path: string, body?: unknown): Promise<T> =>
    (await api.request<T>(path, { method: 'POST', body })).body;

  return {
    mfaStatus: async () => (await api.request<MfaStatus>('/me/mfa')).body,
    startTotp: () => post('/me/mfa/totp'),
    confirmTotp: (code) => post('/me/mfa/totp/confirm', { code }),
    disableMfa: async (code) => {
      await api.request<void>('/me/mfa', { method: 'DELETE', body: { code } });
    },
    refreshSession: () => api.refresh(),
    changePassword: (request) => post('/me/password', request),
    signOutEverywhere: () => post('/auth/sign-out-everywhere'),
    requestPasswordReset: (email) => post('/auth/password-reset', { email }),
    confirmPasswordReset: (request) => post('/auth/password-reset/confirm', request),
  };
}
