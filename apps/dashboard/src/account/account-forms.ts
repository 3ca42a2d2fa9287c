import { PASSWORD_MIN_LENGTH } from '@ivks/contracts';

/** Spaces, as some authenticator apps show the code in two halves, do not count. */
export function normaliseCode(value: string): string {
  return value.replace(/\s/g, '');
}

export function codeProblem(value: string | undefined): string | undefined {
  const code = normaliseCode(value ?? '');
  if (code === '') {
    return 'Enter the 6-digit code from your authenticator app';
  }

  return /^\d{6}$/.test(code) ? undefined : 'The code is 6 digits, like 123456';
}

export function recoveryCodeProblem(value: string | undefined): string | undefined {
  const code = (value ?? '').trim();
  if (code === '') {
    return 'Enter one of your recovery codes';
  }

  return /^[A-Za-z0-9]{4}[\s-]?[A-Za-z0-9]{4}[\s-]?[A-Za-z0-9]{4}$/.test(code)
    ? undefined
    : 'A recovery code looks like abcd-efgh-jkmn';
}

export function newPasswordProblem(value: string | undefined): string | undefined {
  const password = value ?? '';
  if (password === '') {
    return 'Enter a new password';
  }

  return [...password].length < PASSWORD_MIN_LENGTH
    ? `Use at least ${PASSWORD_MIN_LENGTH} characters; a few unrelated words make a good one`
    : undefined;
}

export function confirmationProblem(
  password: string | undefined,
  confirmation: string | undefined,
): string | undefined {
  return (confirmation ?? '') === (password ?? '') ? undefined : 'The two passwords do not match';
}

/** Whether the sign-in form asks for the password, a code, or a recovery code. */
export type SignInStage =
  { stage: 'password' } | { stage: 'code'; mfaToken: string; useRecoveryCode: boolean };

export function awaitingCode(mfaToken: string): SignInStage {
  return { stage: 'code', mfaToken, useRecoveryCode: false };
}

export function toggleRecoveryCode(stage: SignInStage): SignInStage {
  return stage.stage === 'code' ? { ...stage, useRecoveryCode: !stage.useRecoveryCode } : stage;
}

/** What the second step sends: the code, or the recovery code, never both. */
export function secondFactor(
  stage: Extract<SignInStage, { stage: 'code' }>,
  value: string,
): { mfaToken: string; code: string } | { mfaToken: string; recoveryCode: string } {
  return stage.useRecoveryCode
    ? { mfaToken: stage.mfaToken, recoveryCode: value.trim() }
    : { mfaToken: stage.mfaToken, code: normaliseCode(value) };
}

/** Recovery codes as a text file to keep, one a line. */
export function recoveryCodesText(codes: readonly string[]): string {
  return [
    'IV Ketamine Support recovery codes',
    'Each code works once, when you cannot use your authenticator app.',
    '',
    ...codes,
    '',
  ].join('\n');
}
