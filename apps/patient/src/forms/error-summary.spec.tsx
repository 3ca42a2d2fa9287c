import { fireEvent, render, screen } from '@testing-library/react';
import { ErrorSummary } from './error-summary';

function Form({ errors }: { errors: { fieldId?: string; message: string }[] }) {
  return (
    <>
      <ErrorSummary errors={errors} />
      <label htmlFor="email">Email address</label>
      <input id="email" />
    </>
  );
}

describe('ErrorSummary', () => {
  beforeAll(() => {
    // jsdom does not lay pages out, so it has no scrolling to do.
    Element.prototype.scrollIntoView = jest.fn();
  });

  it('renders nothing when there are no problems', () => {
    const { container } = render(<ErrorSummary errors={[]} />);

    expect(container.innerHTML).toBe('');
  });

  it('announces the problems and takes focus when they appear', () => {
    render(<Form errors={[{ fieldId: 'email', message: 'Enter your email address' }]} />);

    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('There is a problem');
    expect(document.activeElement).toBe(alert.parentElement);
  });

  it('links each problem to its field and moves focus there when followed', () => {
    render(<Form errors={[{ fieldId: 'email', message: 'Enter your email address' }]} />);

    const link = screen.getByRole('link', { name: 'Enter your email address' });
    expect(link.getAttribute('href')).toBe('#email');

    fireEvent.click(link);

    expect(document.activeElement).toBe(screen.getByLabelText('Email address'));
  });

  it('lists a problem with the whole form as plain text', () => {
    render(<Form errors={[{ message: 'We could not reach IV Ketamine Support.' }]} />);

    expect(screen.queryByRole('link')).toBeNull();
    expect(screen.getByRole('alert').textContent).toContain('We could not reach');
  });
});
