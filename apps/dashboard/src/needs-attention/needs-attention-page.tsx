import type { NeedsAttentionItem } from '@ivks/contracts';
import { useEffect, useState } from 'react';
import { Link, Title, useDataProvider, useNotify } from 'react-admin';
import { useClinicTimeZone } from '../layout/use-clinic-time-zone';
import { formatInZone } from '../time/format-in-zone';
import type { NeedsAttentionDataProvider } from './needs-attention-methods';
import { describeItem, groupByPatient } from './needs-attention-items';

/**
 * What needs a look today, most urgent first: crisis flags on shared entries, patients not yet
 * ready for an infusion, shared entries to review, patients quiet since their last infusion and
 * reminder emails that failed. A clinician sees their care team's patients.
 */
export function NeedsAttentionPage() {
  const dataProvider = useDataProvider<NeedsAttentionDataProvider>();
  const notify = useNotify();
  const timeZone = useClinicTimeZone() ?? 'UTC';
  const [items, setItems] = useState<NeedsAttentionItem[] | null>(null);

  useEffect(() => {
    let current = true;
    dataProvider
      .needsAttention()
      .then((found) => current && setItems(found.items))
      .catch((error: unknown) => {
        notify(error instanceof Error ? error.message : 'The list could not be loaded.', {
          type: 'error',
        });
      });

    return () => {
      current = false;
    };
  }, [dataProvider, notify]);

  return (
    <div style={{ padding: '1rem' }}>
      <Title title="Needs attention" />
      <h1>Needs attention</h1>
      {items === null && <p role="status">Loading…</p>}
      {items !== null && items.length === 0 && <p>Nothing needs your attention right now.</p>}
      {items !== null &&
        groupByPatient(items).map((group) => (
          <section key={group[0]?.patientId} aria-label={group[0]?.patientName}>
            <h2 style={{ fontSize: '1.1rem', marginBottom: '0.25rem' }}>{group[0]?.patientName}</h2>
            <ul style={{ marginTop: 0 }}>
              {group.map((item) => {
                const { label, action } = describeItem(item);

                return (
                  <li key={`${item.kind}-${item.subjectId ?? item.at}`} data-kind={item.kind}>
                    {label}, {formatInZone(item.at, timeZone)}. <Link to={item.link}>{action}</Link>
                  </li>
                );
              })}
            </ul>
          </section>
        ))}
    </div>
  );
}
