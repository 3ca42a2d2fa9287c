import type { BreathingPacer as PacerSettings } from '@ivks/content';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { BreathingPacer } from './breathing-pacer';

// Two rounds of breathe in for 2, hold for 1, breathe out for 2: ten seconds in all.
const pacer: PacerSettings = {
  inhaleSeconds: 2,
  holdSeconds: 1,
  exhaleSeconds: 2,
  holdAfterSeconds: 0,
  cycles: 2,
};

/** Stands in for the browser's media queries, which jsdom does not have. */
function mockReducedMotion(reduce: boolean): void {
  window.matchMedia = jest.fn((query: string) => ({
    matches: reduce && query === '(prefers-reduced-motion: reduce)',
    media: query,
    onchange: null,
    addEventListener: jest.fn(),
    removeEventListener: jest.fn(),
    addListener: jest.fn(),
    removeListener: jest.fn(),
    dispatchEvent: jest.fn(() => false),
  }));
}

function liveRegion(container: HTMLElement): HTMLElement {
  const region = container.querySelector<HTMLElement>('[aria-live="polite"]');
  if (region === null) {
    throw new Error('The pacer has no polite live region');
  }

  return region;
}

function cue(container: HTMLElement): string {
  return container.querySelector('.pacer__cue')?.textContent ?? '';
}

function wait(milliseconds: number): void {
  act(() => {
    jest.advanceTimersByTime(milliseconds);
  });
}

describe('BreathingPacer', () => {
  beforeEach(() => {
    jest.useFakeTimers();
    mockReducedMotion(false);
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  it('waits for Start and never begins by itself', () => {
    const { container } = render(<BreathingPacer pacer={pacer} />);

    wait(30_000);

    expect(liveRegion(container).textContent).toBe('When you are ready, press Start.');
    expect(screen.queryByRole('button', { name: 'Start' })).not.toBeNull();
    expect(jest.getTimerCount()).toBe(0);
  });

  it('counts each phase down but announces only when the phase changes', () => {
    const { container } = render(<BreathingPacer pacer={pacer} />);
    fireEvent.click(screen.getByRole('button', { name: 'Start' }));

    const heard: string[] = [];
    const seen: string[] = [];
    for (let tick = 0; tick < 24; tick += 1) {
      const announced = liveRegion(container).textContent ?? '';
      if (heard.at(-1) !== announced) {
        heard.push(announced);
      }
      if (seen.at(-1) !== cue(container)) {
        seen.push(cue(container));
      }
      wait(250);
    }

    expect(seen.slice(0, 5)).toEqual([
      'Breathe in… 2',
      'Breathe in… 1',
      'Hold… 1',
      'Breathe out… 2',
      'Breathe out… 1',
    ]);
    expect(heard.slice(0, 4)).toEqual(['Breathe in…', 'Hold…', 'Breathe out…', 'Breathe in…']);
    expect(screen.queryByText('Round 2 of 2')).not.toBeNull();
  });

  it('stops after its rounds, says well done and lets the clock go', () => {
    const { container } = render(<BreathingPacer pacer={pacer} />);
    fireEvent.click(screen.getByRole('button', { name: 'Start' }));

    wait(9_750);
    expect(liveRegion(container).textContent).toBe('Breathe out…');

    wait(500);
    expect(liveRegion(container).textContent).toBe('Well done. You finished all 2 rounds.');
    expect(screen.queryByRole('button', { name: 'Start again' })).not.toBeNull();
    expect(jest.getTimerCount()).toBe(0);
  });

  it('stops when asked and can start again from the beginning', () => {
    const { container } = render(<BreathingPacer pacer={pacer} />);
    fireEvent.click(screen.getByRole('button', { name: 'Start' }));
    wait(3_000);

    fireEvent.click(screen.getByRole('button', { name: 'Stop' }));

    expect(liveRegion(container).textContent).toBe(
      'Stopped. You can start again whenever you like.',
    );
    expect(jest.getTimerCount()).toBe(0);

    fireEvent.click(screen.getByRole('button', { name: 'Start again' }));
    expect(cue(container)).toBe('Breathe in… 2');
  });

  it('clears its timer when the page goes away mid-exercise', () => {
    const { unmount } = render(<BreathingPacer pacer={pacer} />);
    fireEvent.click(screen.getByRole('button', { name: 'Start' }));
    expect(jest.getTimerCount()).toBe(1);

    unmount();

    expect(jest.getTimerCount()).toBe(0);
  });

  it('grows the circle on the breath in, over the length of the breath', () => {
    const { container } = render(<BreathingPacer pacer={pacer} />);
    const circle = () => container.querySelector<HTMLElement>('.pacer__circle');

    expect(circle()?.className).toBe('pacer__circle');

    fireEvent.click(screen.getByRole('button', { name: 'Start' }));
    expect(circle()?.classList.contains('pacer__circle--full')).toBe(true);
    expect(circle()?.style.transitionDuration).toBe('2s');

    wait(3_000);
    expect(circle()?.classList.contains('pacer__circle--full')).toBe(false);
  });

  it('shows only the words, with no moving circle, when the device asks for less motion', () => {
    mockReducedMotion(true);
    const { container } = render(<BreathingPacer pacer={pacer} />);
    fireEvent.click(screen.getByRole('button', { name: 'Start' }));

    expect(container.querySelector('.pacer__circle')).toBeNull();
    expect(container.querySelector('.pacer__stage')).toBeNull();
    expect(cue(container)).toBe('Breathe in… 2');
  });
});
