import { registerDecorator, type ValidationOptions } from 'class-validator';
import { IANAZone } from 'luxon';

/**
 * An IANA time zone named by a place, such as `America/New_York`, or UTC. Abbreviations such as
 * EST name a fixed offset with no daylight saving, so local times would drift by an hour.
 */
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
        validate: (value: unknown) =>
          typeof value === 'string' &&
          (value === 'UTC' || /^[A-Z][A-Za-z_-]+\/[A-Za-z0-9_+/-]+$/.test(value)) &&
          IANAZone.isValidZone(value),
      },
    });
  };
}
