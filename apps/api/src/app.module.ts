import { Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { ConfigModule, DatabaseModule, LoggerModule, QueuesModule } from '@ivks/server';
import { AuthModule } from './auth/auth.module';
import { ApiExceptionFilter } from './common/api-exception.filter';
import { ConnectionDrain } from './common/connection-drain';
import { TenantInterceptor } from './common/tenant.interceptor';
import { HealthController } from './health/health.controller';
import { InfusionsModule } from './infusions/infusions.module';
import { PatientsModule } from './patients/patients.module';
import { TodayModule } from './today/today.module';

@Module({
  imports: [
    ConfigModule,
    LoggerModule,
    DatabaseModule,
    QueuesModule,
    AuthModule,
    PatientsModule,
    InfusionsModule,
    TodayModule,
  ],
  controllers: [HealthController],
  providers: [
    ConnectionDrain,
    { provide: APP_FILTER, useClass: ApiExceptionFilter },
    { provide: APP_INTERCEPTOR, useClass: TenantInterceptor },
  ],
})
export class AppModule {}
