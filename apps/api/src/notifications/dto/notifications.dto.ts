import { ApiProperty } from '@nestjs/swagger';
import {
  type NotificationPage,
  type NotificationPreferences,
  type PatientNotification,
  REMINDER_KINDS,
  type ReminderKind,
} from '@ivks/contracts';
import { IsBoolean, Matches } from 'class-validator';
import { PageQueryDto } from '../../common/page-query.dto';

const LOCAL_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export class NotificationListQueryDto extends PageQueryDto {}

export class NotificationDto implements PatientNotification {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: REMINDER_KINDS }) kind!: ReminderKind;
  @ApiProperty() title!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ example: '/plan', description: 'A path inside the patient app.' }) link!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readAt!: string | null;
}

export class NotificationPageDto implements NotificationPage {
  @ApiProperty({ type: [NotificationDto] }) data!: NotificationDto[];
  @ApiProperty({ description: 'All of the patient’s notifications.' }) total!: number;
  @ApiProperty({ description: 'Unread notifications, across every page.' }) unread!: number;
}

export class UnreadCountDto {
  @ApiProperty() unread!: number;
}

export class NotificationPreferencesDto implements NotificationPreferences {
  @ApiProperty({ description: 'Send an email, with no details, when something is waiting.' })
  @IsBoolean({ message: 'emailEnabled must be true or false' })
  emailEnabled!: boolean;

  @ApiProperty({ description: 'Show notifications under the bell in the portal.' })
  @IsBoolean({ message: 'inAppEnabled must be true or false' })
  inAppEnabled!: boolean;

  @ApiProperty({ example: '21:00', description: 'Local time HH:MM at which quiet hours begin.' })
  @Matches(LOCAL_TIME, {
    message: 'quietHoursStart must be a 24-hour local time HH:MM, such as 21:00',
  })
  quietHoursStart!: string;

  @ApiProperty({
    example: '08:00',
    description: 'Local time HH:MM at which they end; equal to the start means no quiet hours.',
  })
  @Matches(LOCAL_TIME, {
    message: 'quietHoursEnd must be a 24-hour local time HH:MM, such as 08:00',
  })
  quietHoursEnd!: string;
}
