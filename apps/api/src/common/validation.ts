import { type ValidationError, ValidationPipe } from '@nestjs/common';
import { AppException } from './app.exception';

/** Collects each field's problems, with nested fields named by their path. */
export function fieldProblems(errors: ValidationError[], parent = ''): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const error of errors) {
    const name = parent ? `${parent}.${error.property}` : error.property;
    if (error.constraints) {
      fields[name] = [...new Set(Object.values(error.constraints))];
    }
    Object.assign(fields, fieldProblems(error.children ?? [], name));
  }

  return fields;
}

/** Validates every body and query at the edge and refuses fields the route does not know. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors) => {
      const fields = fieldProblems(errors);
      const summary = Object.values(fields).flat().join('; ');

      return new AppException(
        'validation_failed',
        `Please correct the request: ${summary}.`,
        undefined,
        fields,
      );
    },
  });
}
