import { Module } from '@nestjs/common';
import { AuditTrailModule } from '@ivks/server';
import { AuthModule } from '../auth/auth.module';
import { StaffInvitationLinksService } from './staff-invitation-links.service';
import { StaffController, StaffInvitationLinksController } from './staff.controller';
import { StaffService } from './staff.service';

@Module({
  imports: [AuditTrailModule, AuthModule],
  controllers: [StaffController, StaffInvitationLinksController],
  providers: [StaffService, StaffInvitationLinksService],
})
export class StaffModule {}
