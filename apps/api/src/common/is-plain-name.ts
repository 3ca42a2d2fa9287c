import { showsAsWritten } from '@ivks/contracts';
import { registerDecorator, type ValidationOptions } from 'class-validator';

/** Something a reader sees: a letter or a digit. */
const VISIBLE = /[\p{L}\p{N}]/u;

/** Whether a name shows on screen as it is written, so that it cannot pose as another. */
export function isPlainName(value: unknown): boolean {
  return typeof value === 'string' && showsAsWritten(value) && VISIBLE.test(value);
}

/**
 * A name of a person, a clinic or a course, shown in lists and in the audit trail beside other
 * names: one line, with nothing hidden that changes how it, or what follows it, reads.
 */
export function IsPlainName(options?: ValidationOptions) {
  return (target: object, propertyName: string) => {
    registerDecorator({
      name: 'isPlainName',
      target: target.constructor,
      propertyName,
      options: {
        message: `${propertyName} must be one line of letters you can see, without control, invisible or text-direction characters`,
        ...options,
      },
      validator: { validate: isPlainName },
    });
  };
}
