import { registerDecorator, type ValidationOptions } from 'class-validator';
import { DateTime } from 'luxon';

/** A calendar day written `YYYY-MM-DD` that exists, so `2026-02-30` is refused. */
export function IsCalendarDate(options?: ValidationOptions) {
  return (target: object, propertyName: string) => {
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName,
      options: {
        message: `${propertyName} must be a calendar date written YYYY-MM-DD, like 2026-12-09`,
        ...options,
      },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' &&
          /^\d{4}-\d{2}-\d{2}$/.test(value) &&
          DateTime.fromISO(value, { zone: 'UTC' }).isValid,
      },
    });
  };
}
