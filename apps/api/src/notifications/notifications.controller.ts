import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  notificationsQuerySchema,
  updateNotificationSettingsSchema,
  type Notification,
  type NotificationList,
  type NotificationSettings,
  type NotificationsQuery,
  type ReadAllResult,
  type SessionUser,
  type UpdateNotificationSettings,
  notificationListSchema,
  notificationSchema,
  notificationSettingsSchema,
  readAllResultSchema,
} from '@vetted/contracts';
import { ApiZodBody, ApiZodQuery, ApiZodResponse } from '../common/api-zod.decorators.js';
import { ZodValidationPipe } from '../common/zod-validation.pipe.js';
import { Authenticated } from '../identity/access.decorators.js';
import { CurrentUser } from '../identity/current-user.js';
import { NotificationsService } from './notifications.service.js';

// Every signed-in user has their own notifications; the service only ever touches the caller's.
@ApiTags('notifications')
@Controller()
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Authenticated()
  @Get('notifications')
  @ApiZodQuery(notificationsQuerySchema)
  @ApiOperation({ summary: 'List my notifications' })
  @ApiZodResponse(notificationListSchema)
  list(@Query(new ZodValidationPipe(notificationsQuerySchema)) query: NotificationsQuery, @CurrentUser() user: SessionUser): Promise<NotificationList> {
    return this.notifications.list(user, query);
  }

  @Authenticated()
  @Post('notifications/read-all')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark all my notifications read' })
  @ApiZodResponse(readAllResultSchema)
  readAll(@CurrentUser() user: SessionUser): Promise<ReadAllResult> {
    return this.notifications.markAllRead(user);
  }

  @Authenticated()
  @Post('notifications/:id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark a notification read' })
  @ApiZodResponse(notificationSchema)
  read(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: SessionUser): Promise<Notification> {
    return this.notifications.markRead(user, id);
  }

  @Authenticated()
  @Get('users/me/notification-settings')
  @ApiOperation({ summary: 'Read my notification settings' })
  @ApiZodResponse(notificationSettingsSchema)
  settings(@CurrentUser() user: SessionUser): Promise<NotificationSettings> {
    return this.notifications.settings(user);
  }

  @Authenticated()
  @Put('users/me/notification-settings')
  @ApiZodBody(updateNotificationSettingsSchema)
  @ApiOperation({ summary: 'Change my notification settings' })
  @ApiZodResponse(notificationSettingsSchema)
  updateSettings(@Body(new ZodValidationPipe(updateNotificationSettingsSchema)) body: UpdateNotificationSettings, @CurrentUser() user: SessionUser): Promise<NotificationSettings> {
    return this.notifications.updateSettings(user, body);
  }
}
