import { Inject, Injectable } from '@nestjs/common';
import type { Role } from '@ivks/contracts';
import { APP_CONFIG, type AppConfig, composeEmail, Mailer } from '@ivks/server';
import { portalLink } from '../common/portal-links';

export type SecurityChange = 'password_changed' | 'password_reset' | 'mfa_enabled' | 'mfa_disabled';

const WHAT_HAPPENED: Record<SecurityChange, string> = {
  password_changed: 'The password of your account was just changed.',
  password_reset: 'The password of your account was just reset with a link we emailed.',
  mfa_enabled: 'Sign-in with an authenticator app was just turned on for your account.',
  mfa_disabled: 'Sign-in with an authenticator app was just turned off for your account.',
};

/** Tells the owner of an account that its credentials changed, so a stranger's change is noticed. */
@Injectable()
export class SecurityNotices {
  constructor(
    private readonly mailer: Mailer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Inside a tenant transaction of one of the user's clinics. */
  async send(to: string, role: Role, change: SecurityChange): Promise<void> {
    const email = composeEmail({
      subject: 'A change to your portal account',
      paragraphs: [
        WHAT_HAPPENED[change],
        'If this was you, there is nothing more to do.',
        'If it was not you, reset your password now with the button below, then let your clinic know.',
      ],
      action: {
        label: 'Reset your password',
        url: portalLink(this.config, role, 'forgot-password'),
      },
    });
    await this.mailer.send({ kind: 'security_notice', to, ...email });
  }
}
