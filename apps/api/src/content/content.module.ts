import { Module } from '@nestjs/common';
import { ClinicInstructionsController, ContentController } from './content.controller';
import { ContentService } from './content.service';

@Module({
  controllers: [ContentController, ClinicInstructionsController],
  providers: [ContentService],
})
export class ContentModule {}
