import type {
  AcceptedStaffInvitation,
  AcceptStaffInvitationRequest,
  ClinicSettings,
  ClinicSignupAccepted,
  ClinicSignupRequest,
  InviteStaffRequest,
  StaffInvitation,
  StaffInvitationPreview,
  StaffList,
  StaffMember,
  StaffRole,
  UpdateClinicSettingsRequest,
  VerifiedClinicSignup,
} from '@ivks/contracts';
import type { DataProvider } from 'react-admin';
import type { ApiClient } from '../api/api-client';

/** Sign-up, invitations, staff and the clinic's settings, beside react-admin's own methods. */
export interface StaffMethods {
  signUpClinic(request: ClinicSignupRequest): Promise<ClinicSignupAccepted>;
  verifyEmail(token: string): Promise<VerifiedClinicSignup>;
  previewInvitation(token: string): Promise<StaffInvitationPreview>;
  acceptInvitation(request: AcceptStaffInvitationRequest): Promise<AcceptedStaffInvitation>;
  freshInvitation(token: string): Promise<{ message: string }>;
  staffList(): Promise<StaffList>;
  inviteStaff(request: InviteStaffRequest): Promise<StaffInvitation>;
  resendStaffInvitation(id: string): Promise<StaffInvitation>;
  revokeStaffInvitation(id: string): Promise<void>;
  changeStaffRole(membershipId: string, role: StaffRole): Promise<StaffMember>;
  deactivateStaff(membershipId: string): Promise<StaffMember>;
  reactivateStaff(membershipId: string): Promise<StaffMember>;
  clinicSettings(): Promise<ClinicSettings>;
  updateClinicSettings(changes: UpdateClinicSettingsRequest): Promise<ClinicSettings>;
}

export type StaffDataProvider = DataProvider & StaffMethods;

const segment = (value: string) => encodeURIComponent(value);

export function createStaffMethods(api: ApiClient): StaffMethods {
  const post = async <T>(path: string, body?: unknown): Promise<T> =>
    (await api.request<T>(path, { method: 'POST', body })).body;
  const get = async <T>(path: string): Promise<T> => (await api.request<T>(path)).body;

  return {
    signUpClinic: (request) => post('/clinic-signups', request),
    verifyEmail: (token) => post('/clinic-signups/verify', { token }),
    previewInvitation: (token) => get(`/staff-invitations/${segment(token)}`),
    acceptInvitation: (request) => post('/staff-invitations/accept', request),
    freshInvitation: (token) => post('/staff-invitations/fresh', { token }),
    staffList: () => get('/staff'),
    inviteStaff: (request) => post('/staff/invitations', request),
    resendStaffInvitation: (id) => post(`/staff/invitations/${segment(id)}/resend`),
    revokeStaffInvitation: async (id) => {
      await api.request<void>(`/staff/invitations/${segment(id)}`, { method: 'DELETE' });
    },
    changeStaffRole: async (membershipId, role) =>
      (
        await api.request<StaffMember>(`/staff/${segment(membershipId)}`, {
          method: 'PATCH',
          body: { role },
        })
      ).body,
    deactivateStaff: (membershipId) => post(`/staff/${segment(membershipId)}/deactivate`),
    reactivateStaff: (membershipId) => post(`/staff/${segment(membershipId)}/reactivate`),
    clinicSettings: () => get('/clinic'),
    updateClinicSettings: async (changes) =>
      (await api.request<ClinicSettings>('/clinic', { method: 'PATCH', body: changes })).body,
  };
}
