import { type FormEvent, useId, useState } from 'react';
import { Button, HttpError, useDataProvider, useNotify } from 'react-admin';
import type { ErrorBody } from '../api/api-client';
import type { CareDataProvider } from '../data/data-provider';
import {
  type CourseProblems,
  type CourseRow,
  courseInfusions,
  courseProblemsFromApi,
  NO_PROBLEMS,
} from './course-rows';

const FIRST_ROWS = 3;

let nextKey = 0;
const emptyRow = (): CourseRow => ({ key: (nextKey += 1), date: '', time: '' });

/**
 * Schedules several infusions of a patient's course in one go, each a date and time on the
 * clinic's clock. The API takes all of them or none, so what was typed stays until it succeeds.
 */
export function ScheduleCourseForm({
  patientId,
  timeZone,
  onScheduled,
}: {
  patientId: string;
  timeZone: string;
  onScheduled: () => void;
}) {
  const dataProvider = useDataProvider<CareDataProvider>();
  const notify = useNotify();
  const headingId = useId();
  const [rows, setRows] = useState<CourseRow[]>(() => Array.from({ length: FIRST_ROWS }, emptyRow));
  const [problems, setProblems] = useState<CourseProblems>(NO_PROBLEMS);
  const [saving, setSaving] = useState(false);

  const change = (key: number, field: 'date' | 'time', value: string) =>
    setRows((current) =>
      current.map((row) => (row.key === key ? { ...row, [field]: value } : row)),
    );

  // Problems are placed by row position, which removing a row changes.
  const remove = (key: number) => {
    setRows((current) => current.filter((row) => row.key !== key));
    setProblems(NO_PROBLEMS);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const read = courseInfusions(rows, timeZone);
    if ('problems' in read) {
      setProblems(read.problems);

      return;
    }
    setSaving(true);
    try {
      const course = await dataProvider.scheduleCourse(patientId, read.infusions);
      setProblems(NO_PROBLEMS);
      setRows([emptyRow()]);
      notify(
        course.infusions.length === 1
          ? 'One infusion scheduled.'
          : `${course.infusions.length} infusions scheduled.`,
        { type: 'success' },
      );
      onScheduled();
    } catch (error) {
      const body = error instanceof HttpError ? (error.body as ErrorBody | undefined) : undefined;
      setProblems(courseProblemsFromApi(body?.errors, read.rowOf));
      notify(error instanceof Error ? error.message : 'The course could not be scheduled.', {
        type: 'error',
      });
    } finally {
      setSaving(false);
    }
  };

  return (
    <section aria-labelledby={headingId} style={{ marginBlock: '1.5rem' }}>
      <h2 id={headingId}>Schedule a course</h2>
      <p>Times are on the clinic’s clock ({timeZone.replaceAll('_', ' ')}).</p>
      <form onSubmit={(event) => void submit(event)} noValidate>
        {problems.course === null ? null : (
          <p role="alert" style={{ color: '#b00020' }}>
            {problems.course}
          </p>
        )}
        <ol style={{ paddingInlineStart: '1.5rem' }}>
          {rows.map((row, index) => {
            const problem = problems.rows[index];
            const problemId = `${headingId}-row-${row.key}-problem`;

            return (
              <li key={row.key} style={{ marginBlock: '0.75rem' }}>
                <label style={{ marginInlineEnd: '1rem' }}>
                  Infusion {index + 1} date{' '}
                  <input
                    type="date"
                    value={row.date}
                    onChange={(event) => change(row.key, 'date', event.target.value)}
                    aria-invalid={problem !== undefined}
                    aria-describedby={problem === undefined ? undefined : problemId}
                  />
                </label>
                <label style={{ marginInlineEnd: '1rem' }}>
                  Infusion {index + 1} time{' '}
                  <input
                    type="time"
                    value={row.time}
                    onChange={(event) => change(row.key, 'time', event.target.value)}
                    aria-invalid={problem !== undefined}
                    aria-describedby={problem === undefined ? undefined : problemId}
                  />
                </label>
                <Button
                  label={`Remove infusion ${index + 1}`}
                  onClick={() => remove(row.key)}
                  disabled={rows.length === 1}
                />
                {problem === undefined ? null : (
                  <p id={problemId} style={{ color: '#b00020', margin: '0.25rem 0 0' }}>
                    {problem}
                  </p>
                )}
              </li>
            );
          })}
        </ol>
        <Button
          label="Add another infusion"
          onClick={() => setRows((current) => [...current, emptyRow()])}
        />
        <Button label="Schedule course" type="submit" variant="contained" disabled={saving} />
      </form>
    </section>
  );
}
