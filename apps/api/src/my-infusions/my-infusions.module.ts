import { Module } from '@nestjs/common';
import { MyInfusionsController } from './my-infusions.controller';
import { MyInfusionsService } from './my-infusions.service';

@Module({
  controllers: [MyInfusionsController],
  providers: [MyInfusionsService],
})
export class MyInfusionsModule {}
