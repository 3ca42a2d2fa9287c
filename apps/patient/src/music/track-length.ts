/** A track's length as players show it, such as "3:05", and in words for screen readers. */
export function trackLength(totalSeconds: number): { shown: string; spoken: string } {
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  const spokenParts = [
    minutes > 0 ? `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}` : null,
    seconds > 0 ? `${seconds} ${seconds === 1 ? 'second' : 'seconds'}` : null,
  ].filter((part) => part !== null);

  return {
    shown: `${minutes}:${String(seconds).padStart(2, '0')}`,
    spoken: spokenParts.length === 0 ? '0 seconds' : spokenParts.join(' '),
  };
}
