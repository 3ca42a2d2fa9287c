export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) {
    throw new Error('No measurements to take the median of.');
  }

  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** How the measured side compares with its baseline: above 1 is faster than the baseline. */
export function ratio(measured: number, baseline: number): number {
  if (baseline <= 0) {
    throw new Error('The baseline measured nothing; the ratio would mean nothing.');
  }

  return measured / baseline;
}
