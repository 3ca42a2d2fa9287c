import { Module } from '@nestjs/common';
import { NeedsAttentionController } from './needs-attention.controller';
import { NeedsAttentionService } from './needs-attention.service';

@Module({
  controllers: [NeedsAttentionController],
  providers: [NeedsAttentionService],
})
export class NeedsAttentionModule {}
