import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { uuidPipe } from '../common/uuid.pipe';
import {
  NotificationDto,
  NotificationListQueryDto,
  NotificationPageDto,
  NotificationPreferencesDto,
  UnreadCountDto,
} from './dto/notifications.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('my notifications')
@ApiBearerAuth()
@Roles('patient')
@Controller({ path: 'me', version: '1' })
export class MyNotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get('notifications')
  @ApiOkResponse({ type: NotificationPageDto, description: 'Newest first, with the unread count.' })
  list(
    @CurrentUser() user: AuthUser,
    @Query() query: NotificationListQueryDto,
  ): Promise<NotificationPageDto> {
    return this.notifications.list(user.userId, query);
  }

  @Post('notifications/read-all')
  @HttpCode(200)
  @ApiOkResponse({ type: UnreadCountDto })
  readAll(@CurrentUser() user: AuthUser): Promise<UnreadCountDto> {
    return this.notifications.markAllRead(user.userId);
  }

  @Post('notifications/:id/read')
  @HttpCode(200)
  @ApiOkResponse({ type: NotificationDto, description: 'Reading it again keeps the first time.' })
  @ApiNotFoundResponse({ description: 'notification_not_found' })
  read(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidPipe('notification id')) id: string,
  ): Promise<NotificationDto> {
    return this.notifications.markRead(user.userId, id);
  }

  @Get('notification-preferences')
  @ApiOkResponse({ type: NotificationPreferencesDto, description: 'The defaults until saved.' })
  preferences(@CurrentUser() user: AuthUser): Promise<NotificationPreferencesDto> {
    return this.notifications.preferences(user.userId);
  }

  @Put('notification-preferences')
  @ApiOkResponse({ type: NotificationPreferencesDto })
  savePreferences(
    @CurrentUser() user: AuthUser,
    @Body() body: NotificationPreferencesDto,
  ): Promise<NotificationPreferencesDto> {
    return this.notifications.savePreferences(user.userId, body);
  }
}
