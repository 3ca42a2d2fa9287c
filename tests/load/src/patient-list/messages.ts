/** One SQL statement as `pg` received it. */
export interface Statement {
  text: string;
  values: unknown[];
}

/** What the benchmark asks of the process that hosts both servers. */
export type ParentMessage =
  { type: 'record' } | { type: 'stop-recording' } | { type: 'count' } | { type: 'stop' };

/** What that process answers. */
export type ServersMessage =
  | { type: 'ready'; apiPort: number; barePort: number }
  | { type: 'recording' }
  | { type: 'recorded'; statements: number }
  | { type: 'count'; roundTrips: number };
