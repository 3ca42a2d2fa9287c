import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TenantTransactions } from '../database/tenant-transactions';
import { KEY_BYTES, open, seal } from './aes-gcm';
import { type KeyWrapper, KEY_WRAPPER } from './key-wrapper';

/** The kinds of record whose text is kept encrypted. */
export type SealedRecordKind = 'journal_entry' | 'journal_reply' | 'staff_totp';

/** The record a text belongs to: its ciphertext opens only there. */
export interface SealedRecord {
  kind: SealedRecordKind;
  id: string;
}

export interface SealedText {
  ciphertext: Buffer;
  keyVersion: number;
}

interface DataKeyRow {
  version: number;
  wrapped_key: Buffer;
  master_key_id: string;
}

/** Binds a ciphertext to its clinic, its kind of record and its row. */
export function recordContext(clinicId: string, record: SealedRecord): string {
  return `ivks-record-v1|${record.kind}|${clinicId}|${record.id}`;
}

/**
 * Encrypts and decrypts the text of the current clinic's records with the clinic's data key,
 * inside the current unit of work. The first text a clinic stores makes its data key. Unwrapped
 * keys are kept only for the unit of work, so a plain data key never outlives a request.
 */
@Injectable()
export class ClinicEncryption {
  private readonly unwrapped = new WeakMap<EntityManager, Map<number, Buffer>>();

  constructor(
    private readonly tenants: TenantTransactions,
    @Inject(KEY_WRAPPER) private readonly wrapper: KeyWrapper,
  ) {}

  async encrypt(record: SealedRecord, text: string): Promise<SealedText> {
    const { clinicId } = this.tenants.scope;
    const { version, key } = await this.currentKey();

    return {
      ciphertext: seal(key, Buffer.from(text, 'utf8'), recordContext(clinicId, record)),
      keyVersion: version,
    };
  }

  async decrypt(record: SealedRecord, sealed: SealedText): Promise<string> {
    const { clinicId } = this.tenants.scope;
    const key = await this.key(sealed.keyVersion);

    return open(key, sealed.ciphertext, recordContext(clinicId, record)).toString('utf8');
  }

  private async currentKey(): Promise<{ version: number; key: Buffer }> {
    const { clinicId } = this.tenants.scope;
    const latest = async () =>
      (
        await this.tenants.manager.query<DataKeyRow[]>(
          `SELECT version, wrapped_key, master_key_id FROM clinic_data_keys
           WHERE clinic_id = $1 ORDER BY version DESC LIMIT 1`,
          [clinicId],
        )
      )[0];
    let row = await latest();
    if (!row) {
      const wrapped = await this.wrapper.wrap(randomBytes(KEY_BYTES), { clinicId, version: 1 });
      // Two first writers of a clinic race here; the loser keeps the winner's key.
      await this.tenants.manager.query(
        `INSERT INTO clinic_data_keys (clinic_id, version, wrapped_key, master_key_id)
         VALUES ($1, 1, $2, $3) ON CONFLICT (clinic_id, version) DO NOTHING`,
        [clinicId, wrapped.wrappedKey, wrapped.masterKeyId],
      );
      row = await latest();
    }
    if (!row) {
      throw new Error('The clinic data key could not be stored.');
    }

    return { version: row.version, key: await this.unwrap(row) };
  }

  private async key(version: number): Promise<Buffer> {
    const cached = this.cache().get(version);
    if (cached) {
      return cached;
    }
    const [row] = await this.tenants.manager.query<DataKeyRow[]>(
      `SELECT version, wrapped_key, master_key_id FROM clinic_data_keys
       WHERE clinic_id = $1 AND version = $2`,
      [this.tenants.scope.clinicId, version],
    );
    if (!row) {
      throw new Error(`Data key version ${version} of the clinic is missing.`);
    }

    return this.unwrap(row);
  }

  private async unwrap(row: DataKeyRow): Promise<Buffer> {
    const cache = this.cache();
    const cached = cache.get(row.version);
    if (cached) {
      return cached;
    }
    const key = await this.wrapper.unwrap(
      { wrappedKey: row.wrapped_key, masterKeyId: row.master_key_id },
      { clinicId: this.tenants.scope.clinicId, version: row.version },
    );
    cache.set(row.version, key);

    return key;
  }

  private cache(): Map<number, Buffer> {
    const manager = this.tenants.manager;
    let cache = this.unwrapped.get(manager);
    if (!cache) {
      cache = new Map();
      this.unwrapped.set(manager, cache);
    }

    return cache;
  }
}
