import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@ivks/contracts';
import { dictionary } from '@zxcvbn-ts/language-common';
import { registerDecorator, type ValidationOptions } from 'class-validator';

/**
 * Passwords seen most often in breaches, from the zxcvbn-ts project's list (about 49,000 of
 * them), compared without regard to case.
 */
const COMMON_PASSWORDS = new Set(
  dictionary['passwords-common'].map((password) => password.toLowerCase()),
);

/**
 * Why a new password cannot be used, or null when it can. Length is counted in characters, not
 * bytes, and there are no composition rules: a long passphrase is the best password.
 */
export function passwordProblem(password: string): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) {
    return `must be at least ${PASSWORD_MIN_LENGTH} characters; a few unrelated words make a good one`;
  }
  if (length > PASSWORD_MAX_LENGTH) {
    return `must be at most ${PASSWORD_MAX_LENGTH} characters`;
  }
  if (COMMON_PASSWORDS.has(password.toLowerCase()) || isOneCharacterRepeated(password)) {
    return 'is one of the passwords most often guessed; choose another';
  }

  return null;
}

function isOneCharacterRepeated(password: string): boolean {
  return new Set(password).size === 1;
}

/** A new password that meets the policy above; the message names the property and the problem. */
export function IsAcceptablePassword(options?: ValidationOptions) {
  return (target: object, propertyName: string) => {
    registerDecorator({
      name: 'isAcceptablePassword',
      target: target.constructor,
      propertyName,
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && passwordProblem(value) === null,
        defaultMessage: (args) =>
          typeof args?.value === 'string'
            ? `${propertyName} ${passwordProblem(args.value) ?? 'is not acceptable'}`
            : `${propertyName} must be a string`,
      },
    });
  };
}
