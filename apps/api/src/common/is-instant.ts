import { applyDecorators } from '@nestjs/common';
import { IsISO8601, Matches, ValidateBy } from 'class-validator';

const EXAMPLE = '2026-12-09T15:30:00Z';
const EARLIEST = Date.parse('2000-01-01T00:00:00Z');
const LATEST = Date.parse('2100-01-01T00:00:00Z');

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
    // A typo in the year (1900, 9999) is far likelier than a real appointment that far out.
    ValidateBy({
      name: 'isInstantInRange',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && Date.parse(value) >= EARLIEST && Date.parse(value) < LATEST,
        defaultMessage: () => `${propertyName} must fall between the years 2000 and 2099`,
      },
    }),
  );
}
