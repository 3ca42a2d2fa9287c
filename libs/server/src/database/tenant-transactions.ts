import { AsyncLocalStorage } from 'node:async_hooks';
import { Inject, Injectable } from '@nestjs/common';
import {
  DataSource,
  type EntityManager,
  type EntityTarget,
  type ObjectLiteral,
  type Repository,
} from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { TenantQueryRunner, tenantSettingsSql } from './tenant-query-runner';
import { type TenantScope } from './tenant-scope';

interface ActiveTenant {
  scope: TenantScope;
  manager: EntityManager;
  afterCommit: (() => Promise<void>)[];
}

export class OutsideTenantScopeError extends Error {
  constructor() {
    super('Clinic data was requested outside a tenant transaction.');
    this.name = 'OutsideTenantScopeError';
  }
}

/**
 * Runs each unit of work (a request, a job) in its own transaction on its own connection, with
 * the clinic, user and role set as transaction-local settings that the row-level security
 * policies read, sent with the transaction's first statement. Because the settings are local to the transaction, they vanish at commit or
 * rollback and can never follow a pooled connection into another request.
 *
 * Code inside the unit reaches the database only through `manager` or `repository()`, which are
 * bound to that transaction, so every query builder they hand out runs inside it too.
 */
@Injectable()
export class TenantTransactions {
  private readonly storage = new AsyncLocalStorage<ActiveTenant>();

  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async run<T>(scope: TenantScope, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (this.storage.getStore()) {
      throw new Error('A tenant transaction is already open in this context.');
    }

    const runner = new TenantQueryRunner(
      this.dataSource.driver as PostgresDriver,
      tenantSettingsSql(scope),
    );
    Object.assign(runner, { manager: this.dataSource.createEntityManager(runner) });
    await runner.connect();
    try {
      await runner.startTransaction();
      const active: ActiveTenant = { scope, manager: runner.manager, afterCommit: [] };
      const result = await this.storage.run(active, () => work(runner.manager));
      await runner.commitTransaction();
      for (const callback of active.afterCommit) {
        await callback();
      }

      return result;
    } catch (error) {
      if (runner.isTransactionActive) {
        await runner.rollbackTransaction();
      }
      throw error;
    } finally {
      await runner.release();
    }
  }

  /**
   * Runs `callback` once the current transaction has committed, and never if it rolls back: for
   * effects outside the database, such as queueing a job about rows the transaction wrote.
   */
  afterCommit(callback: () => Promise<void>): void {
    this.active().afterCommit.push(callback);
  }

  get scope(): TenantScope {
    return this.active().scope;
  }

  get manager(): EntityManager {
    return this.active().manager;
  }

  repository<Entity extends ObjectLiteral>(target: EntityTarget<Entity>): Repository<Entity> {
    return this.active().manager.getRepository(target);
  }

  private active(): ActiveTenant {
    const active = this.storage.getStore();
    if (!active) {
      throw new OutsideTenantScopeError();
    }

    return active;
  }
}
