import { useGetIdentity } from 'react-admin';
import type { StaffIdentity } from '../auth/auth-provider';

/** The clinic's IANA zone, in which staff read every time; undefined until the identity loads. */
export function useClinicTimeZone(): string | undefined {
  const { identity } = useGetIdentity();

  return (identity as StaffIdentity | undefined)?.clinicTimeZone;
}
