import { Module } from '@nestjs/common';
import { MyReadinessController } from './my-readiness.controller';
import { ReadinessBoardController } from './readiness-board.controller';
import { ReadinessService } from './readiness.service';

@Module({
  controllers: [MyReadinessController, ReadinessBoardController],
  providers: [ReadinessService],
})
export class ReadinessModule {}
