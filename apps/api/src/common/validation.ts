import { type ValidationError, ValidationPipe } from '@nestjs/common';
import { AppException } from './app.exception';

/** Constraints whose message lists the values a field may take, which help even when it is missing. */
const CHOICE_CONSTRAINTS = new Set(['isIn', 'isEnum']);
/**
 * Constraints on what kind of value a field holds, or the form it is written in: while one of
 * them fails, what the other rules say about the value means nothing.
 */
const FORM_CONSTRAINTS = new Set([
  'isString',
  'isInt',
  'isNumber',
  'isBoolean',
  'isArray',
  'isObject',
  'isEmail',
  'isIso8601',
]);

/**
 * Collects each field's problems, with nested fields named by their path. A field that is missing
 * altogether is said to be required, with the values it may take when there is a fixed set, and
 * a value of the wrong kind is told what kind to be.
 */
export function fieldProblems(errors: ValidationError[], parent = ''): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const error of errors) {
    const name = parent ? `${parent}.${error.property}` : error.property;
    if (error.constraints) {
      fields[name] =
        error.value === undefined
          ? [`${name} is required`, ...messagesOf(error.constraints, CHOICE_CONSTRAINTS)]
          : problemsOfPresent(error.constraints);
    }
    Object.assign(fields, fieldProblems(error.children ?? [], name));
  }

  return fields;
}

function messagesOf(constraints: Record<string, string>, names: Set<string>): string[] {
  return Object.entries(constraints)
    .filter(([constraint]) => names.has(constraint))
    .map(([, message]) => message);
}

/** A value of the wrong kind or form is told only that; otherwise every rule it breaks, once. */
function problemsOfPresent(constraints: Record<string, string>): string[] {
  const wrongKind = messagesOf(constraints, FORM_CONSTRAINTS);

  return [...new Set(wrongKind.length > 0 ? wrongKind : Object.values(constraints))];
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
