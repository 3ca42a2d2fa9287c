import type { PipeTransform } from '@nestjs/common';
import { CONTENT_SLUG_PATTERN } from '@ivks/content';
import { AppException } from './app.exception';

/** Refuses a malformed content slug or checklist item id, naming what it was for. */
export function slugPipe(what: string): PipeTransform<string, string> {
  return {
    transform(value: string): string {
      if (!CONTENT_SLUG_PATTERN.test(value)) {
        throw new AppException(
          'validation_failed',
          `The ${what} in the address must be lowercase words joined by hyphens, ` +
            'like ride-home-arranged.',
        );
      }

      return value;
    },
  };
}
