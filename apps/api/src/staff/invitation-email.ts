import type { InvitableRole } from '@ivks/contracts';
import { type AppConfig, composeEmail, type OutgoingEmail } from '@ivks/server';
import { dashboardLink } from '../common/portal-links';

/** How long the link in an invitation works. */
export const INVITATION_TTL_DAYS = 7;

export function invitationExpiry(from = Date.now()): Date {
  return new Date(from + INVITATION_TTL_DAYS * 24 * 3_600_000);
}

/** The invitation email: who invited whom to which clinic, and the link; nothing else. */
export function invitationEmail(
  config: Pick<AppConfig, 'DASHBOARD_URL'>,
  invitation: {
    to: string;
    displayName: string;
    role: InvitableRole;
    clinicName: string;
    inviterName: string | null;
    token: string;
  },
): OutgoingEmail {
  const role = invitation.role === 'admin' ? 'an admin' : 'a clinician';
  const who = invitation.inviterName ?? 'Your clinic';

  return {
    kind: 'staff_invitation',
    to: invitation.to,
    ...composeEmail({
      subject: `You are invited to join ${invitation.clinicName}`,
      paragraphs: [
        `Hello ${invitation.displayName},`,
        `${who} invited you to join ${invitation.clinicName} on IV Ketamine Support as ${role}.`,
        'Open the link to accept. If you are new here you will choose a password; if you ' +
          'already have an account, you will confirm it with your current password.',
      ],
      action: {
        label: 'Accept the invitation',
        url: dashboardLink(config, 'accept-invitation', { token: invitation.token }),
      },
      footnote:
        `This link works for ${INVITATION_TTL_DAYS} days. If you were not expecting it, you ` +
        'can ignore this email.',
    }),
  };
}
