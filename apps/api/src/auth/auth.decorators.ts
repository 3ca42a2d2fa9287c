import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '@ivks/contracts';
import type { AuthUser } from './auth-user';

export const PUBLIC_ROUTE = 'ivks:public';
export const ALLOWED_ROLES = 'ivks:roles';
export const ALLOWED_DURING_MFA_ENROLMENT = 'ivks:allowed-during-mfa-enrolment';

/** The route answers without a signed-in user. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/**
 * The route answers a staff member whose clinic requires a second factor they have not set up
 * yet; every other route refuses them until enrolment is confirmed.
 */
export const AllowedDuringMfaEnrolment = () => SetMetadata(ALLOWED_DURING_MFA_ENROLMENT, true);

/** Only these roles may call the route. */
export const Roles = (...roles: Role[]) => SetMetadata(ALLOWED_ROLES, roles);

export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  const request = context.switchToHttp().getRequest<{ user: AuthUser }>();

  return request.user;
});
