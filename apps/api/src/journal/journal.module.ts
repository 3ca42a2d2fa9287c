import { Module } from '@nestjs/common';
import { AuditTrailModule, EncryptionModule } from '@ivks/server';
import { JournalService } from './journal.service';
import { MyJournalController } from './my-journal.controller';
import { SharedJournalController } from './shared-journal.controller';
import { SharedJournalService } from './shared-journal.service';

@Module({
  imports: [AuditTrailModule, EncryptionModule],
  controllers: [MyJournalController, SharedJournalController],
  providers: [JournalService, SharedJournalService],
})
export class JournalModule {}
