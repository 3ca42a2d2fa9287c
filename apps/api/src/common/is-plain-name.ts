import { registerDecorator, type ValidationOptions } from 'class-validator';

/**
 * Control characters (line breaks, tabs, terminal escapes) and the bidirectional embeddings,
 * overrides and isolates, which reorder the text that follows them on screen. Direction marks and
 * joiners stay allowed: names in Arabic, Hebrew or Persian need them.
 */
const HIDDEN_CONTROLS = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;

/** Whether a name shows on screen as it is written, so that it cannot pose as another. */
export function isPlainName(value: unknown): boolean {
  return typeof value === 'string' && !HIDDEN_CONTROLS.test(value);
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
        message: `${propertyName} must be one line of text, without control or text-direction characters`,
        ...options,
      },
      validator: { validate: isPlainName },
    });
  };
}
