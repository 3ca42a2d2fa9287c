import { Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { ConfigModule, DatabaseModule, LoggerModule, MailModule, QueuesModule } from '@ivks/server';
import { AssignmentsModule } from './assignments/assignments.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CareTeamsModule } from './care-teams/care-teams.module';
import { ApiExceptionFilter } from './common/api-exception.filter';
import { ConnectionDrain } from './common/connection-drain';
import { ContentModule } from './content/content.module';
import { TenantInterceptor } from './common/tenant.interceptor';
import { HealthController } from './health/health.controller';
import { InfusionsModule } from './infusions/infusions.module';
import { JournalModule } from './journal/journal.module';
import { MyAssignmentsModule } from './my-assignments/my-assignments.module';
import { PathwaysModule } from './pathways/pathways.module';
import { PatientLinksModule } from './patient-links/patient-links.module';
import { PatientsModule } from './patients/patients.module';
import { ReadinessModule } from './readiness/readiness.module';
import { TodayModule } from './today/today.module';

@Module({
  imports: [
    ConfigModule,
    LoggerModule,
    DatabaseModule,
    QueuesModule,
    MailModule,
    AuthModule,
    PatientsModule,
    InfusionsModule,
    PathwaysModule,
    AssignmentsModule,
    MyAssignmentsModule,
    TodayModule,
    PatientLinksModule,
    ContentModule,
    AuditModule,
    ReadinessModule,
    CareTeamsModule,
    JournalModule,
  ],
  controllers: [HealthController],
  providers: [
    ConnectionDrain,
    { provide: APP_FILTER, useClass: ApiExceptionFilter },
    { provide: APP_INTERCEPTOR, useClass: TenantInterceptor },
  ],
})
export class AppModule {}
