import { Module } from '@nestjs/common';
import { AssignmentViews } from './assignment-views';
import { AssignmentsController } from './assignments.controller';
import { AssignmentsService } from './assignments.service';

@Module({
  controllers: [AssignmentsController],
  providers: [AssignmentsService, AssignmentViews],
  exports: [AssignmentsService, AssignmentViews],
})
export class AssignmentsModule {}
