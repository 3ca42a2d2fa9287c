import { Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import {
  ConfigModule,
  DatabaseModule,
  LoggerModule,
  MailModule,
  QueuesModule,
  RemindersModule,
} from '@ivks/server';
import { AssignmentsModule } from './assignments/assignments.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CareTeamsModule } from './care-teams/care-teams.module';
import { ClinicSettingsModule } from './clinic-settings/clinic-settings.module';
import { ClinicSignupModule } from './clinic-signup/clinic-signup.module';
import { ApiExceptionFilter } from './common/api-exception.filter';
import { ConnectionDrain } from './common/connection-drain';
import { RateLimitModule } from './common/rate-limit';
import { ContentModule } from './content/content.module';
import { TenantInterceptor } from './common/tenant.interceptor';
import { EmailDeliveriesModule } from './email-deliveries/email-deliveries.module';
import { HealthController } from './health/health.controller';
import { InfusionsModule } from './infusions/infusions.module';
import { JournalModule } from './journal/journal.module';
import { MyAssignmentsModule } from './my-assignments/my-assignments.module';
import { MyInfusionsModule } from './my-infusions/my-infusions.module';
import { NeedsAttentionModule } from './needs-attention/needs-attention.module';
import { NotificationsModule } from './notifications/notifications.module';
import { PathwaysModule } from './pathways/pathways.module';
import { PatientInvitationsModule } from './patient-invitations/patient-invitations.module';
import { PatientLinksModule } from './patient-links/patient-links.module';
import { PatientsModule } from './patients/patients.module';
import { ReadinessModule } from './readiness/readiness.module';
import { StaffModule } from './staff/staff.module';
import { TodayModule } from './today/today.module';

@Module({
  imports: [
    ConfigModule,
    LoggerModule,
    DatabaseModule,
    QueuesModule,
    MailModule,
    RemindersModule.forRoot(),
    RateLimitModule,
    AuthModule,
    PatientsModule,
    PatientInvitationsModule,
    InfusionsModule,
    PathwaysModule,
    AssignmentsModule,
    MyAssignmentsModule,
    MyInfusionsModule,
    TodayModule,
    PatientLinksModule,
    ContentModule,
    AuditModule,
    ReadinessModule,
    CareTeamsModule,
    JournalModule,
    NotificationsModule,
    NeedsAttentionModule,
    ClinicSignupModule,
    StaffModule,
    ClinicSettingsModule,
    EmailDeliveriesModule,
  ],
  controllers: [HealthController],
  providers: [
    ConnectionDrain,
    { provide: APP_FILTER, useClass: ApiExceptionFilter },
    { provide: APP_INTERCEPTOR, useClass: TenantInterceptor },
  ],
})
export class AppModule {}
