import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG } from '../config/config.module';
import { type AppConfig } from '../config/app-config';
import { ENTITIES } from './entities';
import { TenantTransactions } from './tenant-transactions';

/** Connection settings that keep a stuck request from holding a connection or a lock for long. */
export function connectionOptions(config: AppConfig) {
  return {
    type: 'postgres' as const,
    url: config.DATABASE_URL,
    entities: ENTITIES,
    synchronize: false,
    migrationsRun: false,
    extra: {
      max: config.DATABASE_POOL_SIZE,
      idleTimeoutMillis: 30_000,
      connectionTimeoutMillis: 5_000,
      options: '-c statement_timeout=15000 -c idle_in_transaction_session_timeout=30000',
      application_name: 'ivks',
    },
  };
}

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => connectionOptions(config),
    }),
  ],
  providers: [TenantTransactions],
  exports: [TenantTransactions],
})
export class DatabaseModule {}
