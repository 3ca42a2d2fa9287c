import { type ClinicSignupRequest, PASSWORD_MIN_LENGTH } from '@ivks/contracts';

export interface SignUpValues {
  clinicName?: string;
  timeZone?: string;
  phone?: string;
  ownerName?: string;
  email?: string;
  password?: string;
  passwordAgain?: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9 ()-]{6,20}$/;

/**
 * What to correct before the form is sent, field by field, in the words shown beside each input.
 * The API checks everything again; this only saves a round trip for the obvious.
 */
export function signUpProblems(values: SignUpValues): Record<string, string> {
  const problems: Record<string, string> = {};
  const text = (value: string | undefined) => value?.trim() ?? '';

  if (text(values.clinicName) === '') {
    problems.clinicName = 'Enter your clinic’s name';
  }
  if (text(values.timeZone) === '') {
    problems.timeZone = 'Choose the time zone your clinic works in';
  }
  if (!PHONE.test(text(values.phone))) {
    problems.phone = 'Enter a phone number, like +1 617 555 0100';
  }
  if (text(values.ownerName) === '') {
    problems.ownerName = 'Enter your name as your staff will see it';
  }
  if (!EMAIL.test(text(values.email))) {
    problems.email = 'Enter an email address, like name@example.com';
  }
  if ([...(values.password ?? '')].length < PASSWORD_MIN_LENGTH) {
    problems.password = `Use at least ${PASSWORD_MIN_LENGTH} characters; a few unrelated words make a good password`;
  }
  if ((values.passwordAgain ?? '') !== (values.password ?? '')) {
    problems.passwordAgain = 'The two passwords are not the same';
  }

  return problems;
}

/** The request the API takes: trimmed, without the repeated password. */
export function signUpRequest(values: SignUpValues): ClinicSignupRequest {
  return {
    clinicName: values.clinicName?.trim() ?? '',
    timeZone: values.timeZone ?? '',
    phone: values.phone?.trim() ?? '',
    ownerName: values.ownerName?.trim() ?? '',
    email: values.email?.trim().toLowerCase() ?? '',
    password: values.password ?? '',
  };
}

/** The time zones the browser knows, with its own zone and UTC, which some browsers leave out. */
export function timeZoneChoices(): { id: string; name: string }[] {
  const known =
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const zones = [...new Set([...known, browserTimeZone(), 'UTC'])].sort();

  return zones.map((zone) => ({ id: zone, name: zone.replaceAll('_', ' ') }));
}

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
