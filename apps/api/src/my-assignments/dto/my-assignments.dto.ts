import { ApiProperty } from '@nestjs/swagger';
import type { MarkAssignmentDoneRequest, TickChecklistItemRequest } from '@ivks/contracts';
import { IsBoolean } from 'class-validator';

export class TickChecklistItemDto implements TickChecklistItemRequest {
  @ApiProperty({
    description: 'true ticks the item, false clears it; sending it twice is harmless.',
  })
  @IsBoolean({ message: 'checked must be true or false' })
  checked!: boolean;
}

export class MarkAssignmentDoneDto implements MarkAssignmentDoneRequest {
  @ApiProperty({ description: 'true marks it done, false opens it again.' })
  @IsBoolean({ message: 'done must be true or false' })
  done!: boolean;
}
