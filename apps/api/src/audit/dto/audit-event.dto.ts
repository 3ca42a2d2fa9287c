import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  AUDIT_ACTIONS,
  AUDIT_SUBJECT_TYPES,
  type AuditAction,
  type AuditActorRole,
  type AuditEvent,
  type AuditEventListQuery,
  type AuditEventPage,
  type AuditSubjectType,
  ROLES,
} from '@ivks/contracts';
import {
  IsIn,
  IsOptional,
  IsUUID,
  registerDecorator,
  type ValidationArguments,
} from 'class-validator';
import { IsInstant } from '../../common/is-instant';
import { PageQueryDto } from '../../common/page-query.dto';

/** An instant later than the one in `earlier`, when both are given. */
function IsLaterThan(earlier: string) {
  return (target: object, propertyName: string) => {
    registerDecorator({
      name: 'isLaterThan',
      target: target.constructor,
      propertyName,
      constraints: [earlier],
      options: { message: `${propertyName} must be later than ${earlier}` },
      validator: {
        validate: (value: unknown, args: ValidationArguments) => {
          const other = (args.object as Record<string, unknown>)[earlier];
          if (typeof value !== 'string' || typeof other !== 'string') {
            return true;
          }
          const start = Date.parse(other);
          const end = Date.parse(value);

          // A malformed instant is reported by its own check.
          return Number.isNaN(start) || Number.isNaN(end) || end > start;
        },
      },
    });
  };
}

export class ListAuditEventsQueryDto extends PageQueryDto implements AuditEventListQuery {
  @ApiPropertyOptional({ enum: AUDIT_ACTIONS })
  @IsOptional()
  @IsIn(AUDIT_ACTIONS, { message: `action must be one of ${AUDIT_ACTIONS.join(', ')}` })
  action?: AuditAction;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only what this user did.' })
  @IsOptional()
  @IsUUID('all', { message: 'actorUserId must be a user id (a UUID)' })
  actorUserId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only events about this record.' })
  @IsOptional()
  @IsUUID('all', { message: 'subjectId must be a record id (a UUID)' })
  subjectId?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'Events at or after this instant; it must carry its UTC offset.',
  })
  @IsOptional()
  @IsInstant('from')
  from?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'Events before this instant; it must carry its UTC offset.',
  })
  @IsOptional()
  @IsInstant('to')
  @IsLaterThan('from')
  to?: string;
}

export class AuditEventDto implements AuditEvent {
  @ApiProperty({ description: 'The event’s place in the clinic’s trail, from 1.' }) seq!: number;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) actorUserId!: string | null;
  @ApiProperty({ enum: [...ROLES, 'system'], nullable: true }) actorRole!: AuditActorRole | null;
  @ApiProperty({ type: String, nullable: true }) actorName!: string | null;
  @ApiProperty({ enum: AUDIT_ACTIONS }) action!: AuditAction;
  @ApiProperty({ enum: AUDIT_SUBJECT_TYPES, nullable: true }) subjectType!: AuditSubjectType | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) subjectId!: string | null;
  @ApiProperty({ type: String, nullable: true }) subjectName!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) details!: Record<string, unknown>;
  @ApiProperty({ type: String, nullable: true }) requestId!: string | null;
  @ApiProperty({ type: String, nullable: true }) clientIp!: string | null;
}

export class AuditEventPageDto implements AuditEventPage {
  @ApiProperty({ type: [AuditEventDto] }) data!: AuditEventDto[];
  @ApiProperty() total!: number;
}
