import type { KeyWrapper } from './key-wrapper';

/** The one method rotation needs from a connection: pg's `Client` and `Pool` both have it. */
export interface Queryable {
  query<Row>(sql: string, values?: unknown[]): Promise<{ rows: Row[] }>;
}

interface WrappedRow {
  clinic_id: string;
  version: number;
  wrapped_key: Buffer;
  master_key_id: string;
}

/**
 * Re-wraps every clinic's data keys that another master key wraps under the current one, so
 * the old master key can then be retired. The data keys themselves stay the same, so no record
 * is read or written. Run it as the owner role, which sees every clinic. Each key is re-wrapped
 * in one statement, so an interrupted run can simply be started again.
 */
export async function rewrapDataKeys(
  db: Queryable,
  wrapper: KeyWrapper,
): Promise<{ rewrapped: number }> {
  const { rows } = await db.query<WrappedRow>(
    `SELECT clinic_id, version, wrapped_key, master_key_id FROM clinic_data_keys
     WHERE master_key_id <> $1 ORDER BY clinic_id, version`,
    [wrapper.currentKeyId],
  );
  for (const row of rows) {
    const context = { clinicId: row.clinic_id, version: row.version };
    const dataKey = await wrapper.unwrap(
      { wrappedKey: row.wrapped_key, masterKeyId: row.master_key_id },
      context,
    );
    const rewrapped = await wrapper.wrap(dataKey, context);
    await db.query(
      `UPDATE clinic_data_keys SET wrapped_key = $3, master_key_id = $4
       WHERE clinic_id = $1 AND version = $2 AND master_key_id = $5`,
      [row.clinic_id, row.version, rewrapped.wrappedKey, rewrapped.masterKeyId, row.master_key_id],
    );
  }

  return { rewrapped: rows.length };
}
