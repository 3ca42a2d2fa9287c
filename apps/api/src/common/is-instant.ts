import { applyDecorators } from '@nestjs/common';
import { IsISO8601, Matches } from 'class-validator';

const EXAMPLE = '2026-12-09T15:30:00Z';

/** An ISO 8601 date and time that carries its offset from UTC, so it names one instant. */
export function IsInstant(propertyName: string) {
  return applyDecorators(
    IsISO8601(
      { strict: true, strictSeparator: true },
      {
        message: `${propertyName} must be a date and time with its offset, like ${EXAMPLE}`,
      },
    ),
    Matches(/(Z|[+-]\d{2}:?\d{2})$/, {
      message: `${propertyName} must end with its offset from UTC, like Z or -05:00`,
    }),
  );
}
