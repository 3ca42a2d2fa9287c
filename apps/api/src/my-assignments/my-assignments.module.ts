import { Module } from '@nestjs/common';
import { AssignmentsModule } from '../assignments/assignments.module';
import { MyAssignmentsController } from './my-assignments.controller';
import { MyAssignmentsService } from './my-assignments.service';

@Module({
  imports: [AssignmentsModule],
  controllers: [MyAssignmentsController],
  providers: [MyAssignmentsService],
})
export class MyAssignmentsModule {}
