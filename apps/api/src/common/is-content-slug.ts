import { contentBySlug } from '@ivks/content';
import { registerDecorator, type ValidationOptions } from 'class-validator';

/** The slug of an item of the built-in content library, such as `setting-an-intention`. */
export function IsContentSlug(options?: ValidationOptions) {
  return (target: object, propertyName: string) => {
    registerDecorator({
      name: 'isContentSlug',
      target: target.constructor,
      propertyName,
      options: {
        message: `${propertyName} must name a built-in content item, like setting-an-intention`,
        ...options,
      },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && contentBySlug(value) !== undefined,
      },
    });
  };
}
