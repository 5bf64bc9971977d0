// Notifications owns what Vetted tells people: the in-app notifications (notification), each user's
// e-mail preference and language (notification_setting) and the e-mail outbox (notification_email)
// with its sending and digest jobs. It depends on no feature module; review and its comments write
// notifications through NotificationsOutbox inside their own transactions.
import { Module } from '@nestjs/common';
import { NotificationEmailJob } from './notification-email.job.js';
import { NotificationEmailService } from './notification-email.service.js';
import { NotificationsController } from './notifications.controller.js';
import { NotificationsOutbox } from './notifications.outbox.js';
import { NotificationsService } from './notifications.service.js';

@Module({
  controllers: [NotificationsController],
  providers: [NotificationsOutbox, NotificationsService, NotificationEmailService, NotificationEmailJob],
  exports: [NotificationsOutbox],
})
export class NotificationsModule {}
