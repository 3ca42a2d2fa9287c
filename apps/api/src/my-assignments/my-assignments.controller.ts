import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiExtraModels,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import {
  AssignmentDto,
  AssignmentGroupsDto,
  ListAssignmentsQueryDto,
} from '../assignments/dto/assignment.dto';
import { slugPipe } from '../common/slug.pipe';
import { uuidPipe } from '../common/uuid.pipe';
import { DurationOffsetDto, LocalTimeOffsetDto } from '../pathways/dto/timing.dto';
import { MarkAssignmentDoneDto, TickChecklistItemDto } from './dto/my-assignments.dto';
import { MyAssignmentsService } from './my-assignments.service';

@ApiTags('my assignments')
@ApiBearerAuth()
@ApiExtraModels(DurationOffsetDto, LocalTimeOffsetDto)
@Roles('patient')
@Controller({ path: 'me/assignments', version: '1' })
export class MyAssignmentsController {
  constructor(private readonly assignments: MyAssignmentsService) {}

  @Get()
  @ApiOkResponse({
    type: AssignmentGroupsDto,
    description: 'Grouped by infusion, in due order; withdrawn ones only when asked for by status.',
  })
  list(
    @CurrentUser() user: AuthUser,
    @Query() query: ListAssignmentsQueryDto,
  ): Promise<AssignmentGroupsDto> {
    return this.assignments.list(user.userId, query);
  }

  @Put(':id/checklist/:itemId')
  @ApiOkResponse({ type: AssignmentDto })
  @ApiNotFoundResponse({ description: 'assignment_not_found or checklist_item_not_found' })
  @ApiConflictResponse({ description: 'assignment_withdrawn' })
  tick(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidPipe('assignment id')) assignmentId: string,
    @Param('itemId', slugPipe('checklist item id')) itemId: string,
    @Body() body: TickChecklistItemDto,
  ): Promise<AssignmentDto> {
    return this.assignments.tick(user.userId, assignmentId, itemId, body.checked);
  }

  @Put(':id/done')
  @ApiOkResponse({ type: AssignmentDto })
  @ApiNotFoundResponse({ description: 'assignment_not_found' })
  @ApiConflictResponse({ description: 'assignment_withdrawn' })
  markDone(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidPipe('assignment id')) assignmentId: string,
    @Body() body: MarkAssignmentDoneDto,
  ): Promise<AssignmentDto> {
    return this.assignments.markDone(user.userId, assignmentId, body.done);
  }
}
