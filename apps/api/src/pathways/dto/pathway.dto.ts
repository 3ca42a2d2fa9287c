import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  BUILT_IN_PATHWAYS,
  type BuiltInPathway,
  type Page,
  type Pathway,
  type PathwayTask,
  type PathwayTaskInput,
  type SavePathwayRequest,
} from '@ivks/contracts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsDefined,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsContentSlug } from '../../common/is-content-slug';
import { IsPlainName } from '../../common/is-plain-name';
import { TaskTimingDto } from './timing.dto';

/** Enough for a long course with boosters; a longer list is more likely a mistake. */
export const MAX_PATHWAY_TASKS = 100;

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class PathwayTaskInputDto implements PathwayTaskInput {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Keep an existing task; omit for a new one.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'id must be the id of one of this pathway’s tasks' })
  id?: string;

  @ApiProperty({ example: 'setting-an-intention' })
  @IsContentSlug()
  contentSlug!: string;

  @ApiProperty({ type: TaskTimingDto })
  @IsDefined({ message: 'timing is required: an anchor and an offset' })
  @ValidateNested()
  @Type(() => TaskTimingDto)
  timing!: TaskTimingDto;
}

export class SavePathwayDto implements SavePathwayRequest {
  @ApiProperty({ maxLength: 200, example: 'Six-infusion course' })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(200)
  @IsPlainName()
  name!: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  description?: string;

  @ApiProperty({ type: [PathwayTaskInputDto], minItems: 1, maxItems: MAX_PATHWAY_TASKS })
  @IsArray({ message: 'tasks must be a list of tasks' })
  @ArrayMinSize(1, { message: 'tasks must list at least one task' })
  @ArrayMaxSize(MAX_PATHWAY_TASKS, {
    message: `tasks must list no more than ${MAX_PATHWAY_TASKS} tasks`,
  })
  @ArrayUnique((task: { id?: unknown } | null) => task?.id ?? Symbol('new task'), {
    message: 'tasks must not name the same task id twice',
  })
  @ValidateNested({ each: true })
  @Type(() => PathwayTaskInputDto)
  tasks!: PathwayTaskInputDto[];
}

export class PathwayTaskDto implements PathwayTask {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() contentSlug!: string;
  @ApiProperty({ type: TaskTimingDto }) timing!: TaskTimingDto;
}

export class PathwayDto implements Pathway {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ enum: BUILT_IN_PATHWAYS, nullable: true }) builtIn!: BuiltInPathway | null;
  @ApiProperty({ type: [PathwayTaskDto] }) tasks!: PathwayTaskDto[];
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class PathwayPageDto implements Page<Pathway> {
  @ApiProperty({ type: [PathwayDto] }) data!: PathwayDto[];
  @ApiProperty() total!: number;
}
