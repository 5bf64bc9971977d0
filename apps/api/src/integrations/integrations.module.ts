// Integrations owns what Vetted sends to other systems: webhooks, their transactional outbox
// (integration_event, webhook_delivery) and the delivery job. It depends on no feature module;
// review records events through IntegrationEventsOutbox inside its own transactions.
import { Module } from '@nestjs/common';
import { IntegrationEventsOutbox } from './integration-events.outbox.js';
import { WebhookDeliveryJob } from './webhook-delivery.job.js';
import { WebhookDeliveryService } from './webhook-delivery.service.js';
import { WebhooksController } from './webhooks.controller.js';
import { WebhooksService } from './webhooks.service.js';

@Module({
  controllers: [WebhooksController],
  providers: [IntegrationEventsOutbox, WebhooksService, WebhookDeliveryService, WebhookDeliveryJob],
  exports: [IntegrationEventsOutbox],
})
export class IntegrationsModule {}
