import type { AssignmentGroup, AssignmentGroups, TodayView } from '@ivks/contracts';
import { useCallback, useEffect, useState } from 'react';
import { ApiRequestError } from '../api/api-client';
import { useSession } from '../session/session-context';

export type PlanLoad =
  | { state: 'loading' }
  | { state: 'failed'; message: string }
  | { state: 'ready'; timeZone: string; groups: AssignmentGroup[] };

export function failureMessage(error: unknown): string {
  return error instanceof ApiRequestError
    ? error.message
    : 'Something went wrong. Please try again.';
}

/** The patient's assignments, with the time zone their due times are read in. */
export function usePlan(): { load: PlanLoad; retry: () => void } {
  const { api } = useSession();
  const [load, setLoad] = useState<PlanLoad>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let active = true;
    void Promise.all([
      api.request<TodayView>('/today'),
      api.request<AssignmentGroups>('/me/assignments'),
    ])
      .then(
        ([today, assignments]): PlanLoad => ({
          state: 'ready',
          timeZone: today.patient.timeZone,
          groups: assignments.groups,
        }),
        (error: unknown): PlanLoad => ({ state: 'failed', message: failureMessage(error) }),
      )
      .then((result) => {
        if (active) {
          setLoad(result);
        }
      });

    return () => {
      active = false;
    };
  }, [api, attempt]);

  const retry = useCallback(() => {
    setLoad({ state: 'loading' });
    setAttempt((count) => count + 1);
  }, []);

  return { load, retry };
}
