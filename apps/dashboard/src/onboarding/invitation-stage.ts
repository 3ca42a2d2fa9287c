import type { StaffInvitationPreview } from '@ivks/contracts';

/** What the invitation page asks of the person, from what the link says about itself. */
export type InvitationStage =
  'choose_password' | 'confirm_password' | 'expired' | 'accepted' | 'revoked';

export function invitationStage(preview: StaffInvitationPreview): InvitationStage {
  switch (preview.status) {
    case 'pending':
      return preview.needsPassword ? 'choose_password' : 'confirm_password';
    case 'expired':
    case 'accepted':
    case 'revoked':
      return preview.status;
  }
}

export function roleWithArticle(role: StaffInvitationPreview['role']): string {
  return role === 'admin' ? 'an admin' : 'a clinician';
}
