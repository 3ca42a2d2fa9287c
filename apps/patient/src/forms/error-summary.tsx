import { useEffect, useRef, type MouseEvent } from 'react';

export interface FormError {
  /** The id of the field the message is about; leave it out for a problem with the whole form. */
  fieldId?: string;
  message: string;
}

function focusField(event: MouseEvent<HTMLAnchorElement>, fieldId: string): void {
  const field = document.getElementById(fieldId);
  if (field === null) {
    return;
  }
  event.preventDefault();

  // Bring the label into view too: jumping to the input alone can hide the question it answers.
  const label =
    field.closest('fieldset')?.querySelector('legend') ??
    (field instanceof HTMLInputElement ? field.labels?.[0] : undefined);
  (label ?? field).scrollIntoView();
  field.focus({ preventScroll: true });
}

/**
 * Lists every problem at the top of a form, each linking to its field, and takes focus when it appears
 * so that keyboard and screen reader users hear about the problems first.
 */
export function ErrorSummary({ errors }: { errors: readonly FormError[] }) {
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (errors.length > 0) {
      ref.current?.focus();
    }
  }, [errors]);

  if (errors.length === 0) {
    return null;
  }

  return (
    <div className="error-summary" ref={ref} tabIndex={-1} aria-labelledby="error-summary-title">
      <div role="alert">
        <h2 className="error-summary__title" id="error-summary-title">
          There is a problem
        </h2>
        <ul className="error-summary__list">
          {errors.map((error) => (
            <li key={`${error.fieldId ?? 'form'}:${error.message}`}>
              {error.fieldId === undefined ? (
                error.message
              ) : (
                <a
                  href={`#${error.fieldId}`}
                  onClick={(event) => focusField(event, error.fieldId ?? '')}
                >
                  {error.message}
                </a>
              )}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
