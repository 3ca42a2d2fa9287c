import type { Pathway } from '@ivks/contracts';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { Button, useDataProvider, useNotify } from 'react-admin';
import type { CareDataProvider } from '../data/data-provider';

/** Gives the patient a pathway's tasks, timed from their infusions; applying again adds only what is missing. */
export function ApplyPathwayForm({
  patientId,
  onApplied,
}: {
  patientId: string;
  onApplied: () => void;
}) {
  const dataProvider = useDataProvider<CareDataProvider>();
  const notify = useNotify();
  const headingId = useId();
  const [pathways, setPathways] = useState<Pathway[] | null>(null);
  const [pathwayId, setPathwayId] = useState('');
  const [applying, setApplying] = useState(false);

  useEffect(() => {
    let current = true;
    dataProvider
      .listPathways()
      .then((found) => {
        if (current) {
          setPathways(found);
          setPathwayId((chosen) => chosen || (found[0]?.id ?? ''));
        }
      })
      .catch((error: unknown) => {
        notify(error instanceof Error ? error.message : 'The pathways could not be loaded.', {
          type: 'error',
        });
      });

    return () => {
      current = false;
    };
  }, [dataProvider, notify]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (pathwayId === '') {
      notify('Choose a pathway to apply.', { type: 'warning' });

      return;
    }
    setApplying(true);
    try {
      const result = await dataProvider.applyPathway(patientId, pathwayId);
      notify(
        result.created === 0
          ? 'This patient already has everything in that pathway.'
          : `Pathway applied: ${result.created} new assignments.`,
        { type: 'success' },
      );
      onApplied();
    } catch (error) {
      notify(error instanceof Error ? error.message : 'The pathway could not be applied.', {
        type: 'error',
      });
    } finally {
      setApplying(false);
    }
  };

  return (
    <section aria-labelledby={headingId} style={{ marginBlock: '1.5rem' }}>
      <h2 id={headingId}>Apply a pathway</h2>
      {pathways !== null && pathways.length === 0 ? (
        <p>Your clinic has no pathways yet.</p>
      ) : (
        <form onSubmit={(event) => void submit(event)}>
          <label style={{ marginInlineEnd: '1rem' }}>
            Pathway{' '}
            <select
              value={pathwayId}
              onChange={(event) => setPathwayId(event.target.value)}
              disabled={pathways === null}
            >
              {(pathways ?? []).map((pathway) => (
                <option key={pathway.id} value={pathway.id}>
                  {pathway.name}
                </option>
              ))}
            </select>
          </label>
          <Button
            label="Apply pathway"
            type="submit"
            variant="contained"
            disabled={applying || pathways === null}
          />
        </form>
      )}
    </section>
  );
}
