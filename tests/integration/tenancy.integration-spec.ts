import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Infusion, Patient, TenantTransactions } from '@ivks/server';
import type { Client } from 'pg';
import { DataSource } from 'typeorm';
import { bearer, signIn, startApi } from './support/api';
import { createClinic, type FixtureClinic, ownerClient } from './support/fixtures';

const CLINIC_TABLES_WITHOUT_CLINIC_ID = ['clinics', 'users'];

describe('the tenant boundary, enforced by PostgreSQL', () => {
  let owner: Client;
  let app: NestFastifyApplication;
  let dataSource: DataSource;
  let tenants: TenantTransactions;
  let clinics: FixtureClinic[];

  beforeAll(async () => {
    owner = await ownerClient();
    clinics = [
      await createClinic(owner, 'Alder'),
      await createClinic(owner, 'Birch'),
      await createClinic(owner, 'Cedar'),
    ];
    app = await startApi();
    dataSource = app.get(DataSource);
    tenants = app.get(TenantTransactions);
  });

  afterAll(async () => {
    await app.close();
    await owner.end();
  });

  it('has row-level security enabled, forced and governed by a policy on every clinic table', async () => {
    const { rows } = await owner.query<{
      table: string;
      enabled: boolean;
      forced: boolean;
      policies: number;
    }>(
      `
      SELECT c.relname AS table, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced,
             (SELECT count(*)::int FROM pg_policy p WHERE p.polrelid = c.oid) AS policies
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r'
        AND (c.relname = ANY($1) OR EXISTS (
          SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'clinic_id' AND NOT a.attisdropped))`,
      [CLINIC_TABLES_WITHOUT_CLINIC_ID],
    );

    expect(rows.map((row) => row.table)).toEqual(
      expect.arrayContaining([
        'clinics',
        'users',
        'memberships',
        'patients',
        'infusions',
        'sessions',
        'pathways',
        'pathway_tasks',
        'assignments',
        'assignment_checklist_ticks',
      ]),
    );
    for (const row of rows) {
      expect({ table: row.table, enabled: row.enabled, forced: row.forced }).toEqual({
        table: row.table,
        enabled: true,
        forced: true,
      });
      expect(row.policies).toBeGreaterThan(0);
    }
  });

  it('leads the primary key of every clinic table with clinic_id', async () => {
    const { rows } = await owner.query<{ table: string; first_column: string }>(`
      SELECT c.relname AS table, a.attname AS first_column
      FROM pg_index i
      JOIN pg_class c ON c.oid = i.indrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = i.indkey[0]
      WHERE i.indisprimary AND n.nspname = 'public'
        AND EXISTS (SELECT 1 FROM pg_attribute x WHERE x.attrelid = c.oid AND x.attname = 'clinic_id')`);

    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row).toEqual({ table: row.table, first_column: 'clinic_id' });
    }
  });

  it('gives the application role no ownership and no way around the policies', async () => {
    const [role] = await dataSource.query<
      { name: string; super: boolean; bypass: boolean; owned: number }[]
    >(`
      SELECT r.rolname AS name, r.rolsuper AS super, r.rolbypassrls AS bypass,
             (SELECT count(*)::int FROM pg_class c WHERE c.relowner = r.oid) AS owned
      FROM pg_roles r WHERE r.rolname = current_user`);

    expect(role).toEqual({ name: 'ivks_app', super: false, bypass: false, owned: 0 });
  });

  it('reads no rows from any clinic table when no clinic is set', async () => {
    const { rows: tables } = await owner.query<{ table: string }>(
      `SELECT c.relname AS table
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind = 'r'
         AND has_table_privilege('ivks_app', c.oid, 'SELECT')
         AND (c.relname = ANY($1) OR EXISTS (
           SELECT 1 FROM pg_attribute a
           WHERE a.attrelid = c.oid AND a.attname = 'clinic_id' AND NOT a.attisdropped))`,
      [CLINIC_TABLES_WITHOUT_CLINIC_ID],
    );

    expect(tables.length).toBeGreaterThanOrEqual(10);
    for (const { table } of tables) {
      const [row] = await dataSource.query<{ count: number }[]>(
        `SELECT count(*)::int AS count FROM ${table}`,
      );
      expect({ table, count: row?.count }).toEqual({ table, count: 0 });
    }
  });

  it('shows no row of another clinic in any clinic table, to any role', async () => {
    const [alder, birch] = clinics as [FixtureClinic, FixtureClinic];
    await owner.query(
      `INSERT INTO email_deliveries (clinic_id, kind, recipient) VALUES ($1, 'reminder', $2)`,
      [alder.id, alder.owner.email],
    );
    const { rows: tables } = await owner.query<{ table: string }>(
      `SELECT c.relname AS table
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind = 'r'
         AND has_table_privilege('ivks_app', c.oid, 'SELECT')
         AND EXISTS (
           SELECT 1 FROM pg_attribute a
           WHERE a.attrelid = c.oid AND a.attname = 'clinic_id' AND NOT a.attisdropped)`,
    );
    const scopes = [
      { clinicId: birch.id, userId: birch.owner.userId, role: 'owner' as const },
      { clinicId: birch.id, userId: birch.owner.userId, role: 'admin' as const },
      { clinicId: birch.id, userId: birch.clinician.userId, role: 'clinician' as const },
      { clinicId: birch.id, userId: birch.patientUser.userId, role: 'patient' as const },
      { clinicId: birch.id, userId: null, role: 'system' as const },
    ];

    let tablesWithRowsElsewhere = 0;
    for (const { table } of tables) {
      const { rows } = await owner.query<{ count: number }>(
        `SELECT count(*)::int AS count FROM ${table} WHERE clinic_id <> $1`,
        [birch.id],
      );
      if ((rows[0]?.count ?? 0) === 0) {
        continue;
      }
      tablesWithRowsElsewhere += 1;
      for (const scope of scopes) {
        const [seen] = await tenants.run(scope, (manager) =>
          manager.query<{ count: number }[]>(
            `SELECT count(*)::int AS count FROM ${table} WHERE clinic_id <> $1`,
            [birch.id],
          ),
        );
        expect({ table, role: scope.role, count: seen?.count }).toEqual({
          table,
          role: scope.role,
          count: 0,
        });
      }
    }
    expect(tablesWithRowsElsewhere).toBeGreaterThanOrEqual(10);
  });

  it('refuses to write a row when no clinic is set', async () => {
    const [clinic] = clinics;
    await expect(
      dataSource.query(
        `INSERT INTO patients (clinic_id, id, given_name, family_name, email, time_zone)
         VALUES ($1, gen_random_uuid(), 'No', 'Context', 'nocontext@test.example', 'UTC')`,
        [clinic?.id],
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('refuses to write a row into another clinic from inside a clinic', async () => {
    const [alder, birch] = clinics as [FixtureClinic, FixtureClinic];
    const scope = {
      clinicId: alder.id,
      userId: alder.clinician.userId,
      role: 'clinician' as const,
    };

    await expect(
      tenants.run(scope, (manager) =>
        manager.query(
          `INSERT INTO patients (clinic_id, id, given_name, family_name, email, time_zone)
           VALUES ($1, gen_random_uuid(), 'Cross', 'Clinic', 'cross@test.example', 'UTC')`,
          [birch.id],
        ),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('runs query builders from the tenant repository inside the clinic transaction', async () => {
    const [alder] = clinics as [FixtureClinic];
    const scope = {
      clinicId: alder.id,
      userId: alder.clinician.userId,
      role: 'clinician' as const,
    };

    const seen = await tenants.run(scope, () =>
      tenants
        .repository(Patient)
        .createQueryBuilder('p')
        .select('p.clinicId', 'clinicId')
        .getRawMany<{ clinicId: string }>(),
    );
    const outside = await dataSource.getRepository(Patient).createQueryBuilder('p').getCount();

    expect(seen.length).toBe(alder.patientIds.length);
    expect(new Set(seen.map((row) => row.clinicId))).toEqual(new Set([alder.id]));
    expect(outside).toBe(0);
  });

  it('leaves nothing of a clinic on a pooled connection after its transaction', async () => {
    const [alder] = clinics as [FixtureClinic];
    const scope = {
      clinicId: alder.id,
      userId: alder.clinician.userId,
      role: 'clinician' as const,
    };
    for (let round = 0; round < 20; round += 1) {
      await tenants.run(scope, (manager) => manager.count(Infusion));
    }

    const leftovers = await Promise.all(
      Array.from({ length: 20 }, () =>
        dataSource.query<{ clinic: string | null; rows: number }[]>(
          `SELECT current_setting('app.clinic_id', true) AS clinic, (SELECT count(*)::int FROM infusions) AS rows`,
        ),
      ),
    );

    for (const [row] of leftovers) {
      expect(row?.rows).toBe(0);
      expect(row?.clinic ?? '').toBe('');
    }
  });

  it('keeps 200 concurrent requests from three clinics each to their own rows', async () => {
    const tokens = await Promise.all(clinics.map((clinic) => signIn(app, clinic.clinician.email)));
    const requests = Array.from({ length: 200 }, (_, index) => index % clinics.length);

    const results = await Promise.all(
      requests.map(async (which) => {
        const response = await app.inject({
          method: 'GET',
          url: '/api/v1/patients?perPage=100',
          headers: bearer(tokens[which] ?? ''),
        });

        return {
          which,
          status: response.statusCode,
          ids: response.json<{ data: { id: string }[] }>().data.map((p) => p.id),
        };
      }),
    );

    for (const result of results) {
      expect(result.status).toBe(200);
      expect(new Set(result.ids)).toEqual(new Set(clinics[result.which]?.patientIds));
    }
  });

  it('returns every connection to the pool when handlers fail, and then serves normally', async () => {
    const [alder] = clinics as [FixtureClinic];
    const token = await signIn(app, alder.clinician.email);
    // In waves of 100, so that on a busy machine no request waits out the pool's acquire timeout:
    // what is under test is that each failure gives its connection back.
    const statuses = [];
    for (let wave = 0; wave < 10; wave += 1) {
      const failing = Array.from({ length: 100 }, () =>
        app.inject({
          method: 'POST',
          url: `/api/v1/patients/${alder.patientIds[0]}/infusions`,
          headers: bearer(token),
          payload: { scheduledAt: '2030-01-01T09:00:00Z' },
        }),
      );
      statuses.push(...(await Promise.all(failing)));
    }
    const pool = (
      dataSource.driver as unknown as {
        master: { totalCount: number; idleCount: number; waitingCount: number };
      }
    ).master;

    expect(statuses.filter((response) => response.statusCode === 201)).toHaveLength(1);
    expect(statuses.filter((response) => response.statusCode === 409)).toHaveLength(999);
    expect(pool.waitingCount).toBe(0);
    expect(pool.idleCount).toBe(pool.totalCount);
    const after = await app.inject({
      method: 'GET',
      url: '/api/v1/patients',
      headers: bearer(token),
    });
    expect(after.statusCode).toBe(200);
  });
});
