import { randomBytes, randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { JournalEntryView, SavedJournalEntry } from '@ivks/contracts';
import {
  ClinicEncryption,
  DecryptionError,
  loadConfig,
  LocalKeyWrapper,
  rewrapDataKeys,
  TenantTransactions,
} from '@ivks/server';
import type { Client } from 'pg';
import { bearer, signIn, startApi } from './support/api';
import { createClinic, type FixtureClinic, ownerClient } from './support/fixtures';

describe('encryption at rest', () => {
  let owner: Client;
  let app: NestFastifyApplication;
  let tenants: TenantTransactions;
  let alder: FixtureClinic;
  let birch: FixtureClinic;

  beforeAll(async () => {
    owner = await ownerClient();
    alder = await createClinic(owner, 'Alder', 1);
    birch = await createClinic(owner, 'Birch', 1);
    app = await startApi();
    tenants = app.get(TenantTransactions);
  });

  afterAll(async () => {
    await app.close();
    await owner.end();
  });

  const systemOf = (clinic: FixtureClinic) => ({
    clinicId: clinic.id,
    userId: null,
    role: 'system' as const,
  });

  const writeEntry = async (clinic: FixtureClinic, text: string): Promise<SavedJournalEntry> => {
    const response = await app.inject({
      method: 'PUT',
      url: `/api/v1/me/journal/${randomUUID()}`,
      headers: bearer(await signIn(app, clinic.patientUser.email)),
      payload: { text, status: 'saved' },
    });
    expect(response.statusCode).toBe(200);

    return response.json<SavedJournalEntry>();
  };

  it('gives each clinic its own data key, wrapped by the master key', async () => {
    await writeEntry(alder, 'Alder words.');
    await writeEntry(birch, 'Birch words.');
    const { rows } = await owner.query<{ clinic_id: string; wrapped_key: Buffer }>(
      'SELECT clinic_id, wrapped_key FROM clinic_data_keys WHERE clinic_id = ANY($1)',
      [[alder.id, birch.id]],
    );

    expect(rows).toHaveLength(2);
    expect(rows[0]?.wrapped_key.equals(rows[1]?.wrapped_key ?? Buffer.alloc(0))).toBe(false);
  });

  it('refuses a ciphertext copied to another row or another clinic', async () => {
    const encryption = app.get(ClinicEncryption);
    const record = { kind: 'journal_entry' as const, id: randomUUID() };
    const sealed = await tenants.run(systemOf(alder), () =>
      encryption.encrypt(record, 'Bound to its row.'),
    );

    await expect(
      tenants.run(systemOf(alder), () => encryption.decrypt(record, sealed)),
    ).resolves.toBe('Bound to its row.');
    await expect(
      tenants.run(systemOf(alder), () =>
        encryption.decrypt({ ...record, id: randomUUID() }, sealed),
      ),
    ).rejects.toThrow(DecryptionError);
    await expect(
      tenants.run(systemOf(alder), () =>
        encryption.decrypt({ kind: 'journal_reply', id: record.id }, sealed),
      ),
    ).rejects.toThrow(DecryptionError);
    await expect(
      tenants.run(systemOf(birch), () => encryption.decrypt(record, sealed)),
    ).rejects.toThrow(DecryptionError);
  });

  it('does not open an entry whose ciphertext was copied from another entry', async () => {
    const first = await writeEntry(alder, 'The first entry.');
    const second = await writeEntry(alder, 'The second entry.');
    await owner.query(
      `UPDATE journal_entries SET body_ciphertext =
         (SELECT body_ciphertext FROM journal_entries WHERE clinic_id = $1 AND id = $2)
       WHERE clinic_id = $1 AND id = $3`,
      [alder.id, first.id, second.id],
    );
    const response = await app.inject({
      method: 'GET',
      url: `/api/v1/me/journal/${second.id}`,
      headers: bearer(await signIn(app, alder.patientUser.email)),
    });

    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain('The first entry');
    await owner.query('DELETE FROM journal_entries WHERE clinic_id = $1 AND id = $2', [
      alder.id,
      second.id,
    ]);
  });

  it('re-wraps every clinic’s data keys under a new master key without touching entries', async () => {
    const entry = await writeEntry(birch, 'Still readable after rotation.');
    const ciphertexts = async () =>
      (
        await owner.query<{ id: string; body: Buffer }>(
          'SELECT id, body_ciphertext AS body FROM journal_entries ORDER BY clinic_id, id',
        )
      ).rows;
    const before = await ciphertexts();
    const next = { id: `rotation-test-${randomUUID().slice(0, 8)}`, key: randomBytes(32) };
    const configured = loadConfig().MASTER_KEYS;
    const rotating = new LocalKeyWrapper([next, ...configured]);

    try {
      const { rewrapped } = await rewrapDataKeys(owner, rotating);
      expect(rewrapped).toBeGreaterThanOrEqual(2);
      const { rows } = await owner.query<{ master_key_id: string }>(
        'SELECT DISTINCT master_key_id FROM clinic_data_keys',
      );
      expect(rows).toEqual([{ master_key_id: next.id }]);
      expect(await ciphertexts()).toEqual(before);
      expect(await rewrapDataKeys(owner, rotating)).toEqual({ rewrapped: 0 });

      // Only the new master key is needed now.
      const retired = new ClinicEncryption(tenants, new LocalKeyWrapper([next]));
      const [row] = await owner
        .query<{ body_ciphertext: Buffer; key_version: number }>(
          'SELECT body_ciphertext, key_version FROM journal_entries WHERE clinic_id = $1 AND id = $2',
          [birch.id, entry.id],
        )
        .then((result) => result.rows);
      await expect(
        tenants.run(systemOf(birch), () =>
          retired.decrypt(
            { kind: 'journal_entry', id: entry.id },
            {
              ciphertext: row?.body_ciphertext ?? Buffer.alloc(0),
              keyVersion: row?.key_version ?? 0,
            },
          ),
        ),
      ).resolves.toBe('Still readable after rotation.');
    } finally {
      // The other specs run with the configured keys.
      await rewrapDataKeys(owner, new LocalKeyWrapper([...configured, next]));
    }
    const after = await app.inject({
      method: 'GET',
      url: `/api/v1/me/journal/${entry.id}`,
      headers: bearer(await signIn(app, birch.patientUser.email)),
    });
    expect(after.json<JournalEntryView>().text).toBe('Still readable after rotation.');
  });
});
