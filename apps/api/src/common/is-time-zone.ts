import { registerDecorator, type ValidationOptions } from 'class-validator';
import { IANAZone } from 'luxon';

/** An IANA time zone name such as `America/New_York`. */
export function IsTimeZone(options?: ValidationOptions) {
  return (target: object, propertyName: string) => {
    registerDecorator({
      name: 'isTimeZone',
      target: target.constructor,
      propertyName,
      options: {
        message: `${propertyName} must be a time zone name such as America/New_York`,
        ...options,
      },
      validator: {
        validate: (value: unknown) => typeof value === 'string' && IANAZone.isValidZone(value),
      },
    });
  };
}
