import { escapeLiteral } from 'pg';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { isUuid, type TenantScope } from './tenant-scope';

/** The statement that puts a scope into the transaction-local settings the policies read. */
export function tenantSettingsSql(scope: TenantScope): string {
  if (!isUuid(scope.clinicId) || (scope.userId !== null && !isUuid(scope.userId))) {
    throw new Error('A tenant scope needs a clinic id and, if any, a user id that are UUIDs.');
  }

  return (
    `SELECT set_config('app.clinic_id', ${escapeLiteral(scope.clinicId)}, true), ` +
    `set_config('app.user_id', ${escapeLiteral(scope.userId ?? '')}, true), ` +
    `set_config('app.role', ${escapeLiteral(scope.role ?? '')}, true)`
  );
}

/**
 * A query runner whose outermost transaction begins with the tenant settings in the same
 * message as START TRANSACTION, so the tenant context costs no round trip of its own. Inner
 * transactions (savepoints), commit and rollback are TypeORM's own.
 */
export class TenantQueryRunner extends PostgresQueryRunner {
  constructor(
    driver: PostgresDriver,
    private readonly settingsSql: string,
  ) {
    super(driver, 'master');
  }

  override async startTransaction(isolationLevel?: IsolationLevel): Promise<void> {
    if (this.transactionDepth > 0 || isolationLevel !== undefined) {
      return super.startTransaction(isolationLevel);
    }
    this.isTransactionActive = true;
    try {
      await this.broadcaster.broadcast('BeforeTransactionStart');
      await this.query(`START TRANSACTION; ${this.settingsSql}`);
    } catch (error) {
      this.isTransactionActive = false;
      throw error;
    }
    this.transactionDepth += 1;
    await this.broadcaster.broadcast('AfterTransactionStart');
  }
}
