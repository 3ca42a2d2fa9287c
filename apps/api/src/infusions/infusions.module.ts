import { Module } from '@nestjs/common';
import { AssignmentsModule } from '../assignments/assignments.module';
import { InfusionsController } from './infusions.controller';
import { InfusionsService } from './infusions.service';

@Module({
  imports: [AssignmentsModule],
  controllers: [InfusionsController],
  providers: [InfusionsService],
})
export class InfusionsModule {}
