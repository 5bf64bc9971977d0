import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  createWebhookRequestSchema,
  webhookDeliveriesQuerySchema,
  type CreateWebhookRequest,
  type SessionUser,
  type Webhook,
  type WebhookDeliveriesQuery,
  type WebhookDelivery,
  type WebhookDeliveryList,
  type WebhookList,
} from '@vetted/contracts';
import { ApiZodBody, ApiZodQuery } from '../common/api-zod.decorators.js';
import { ZodValidationPipe } from '../common/zod-validation.pipe.js';
import { Allow } from '../identity/access.decorators.js';
import { CurrentUser } from '../identity/current-user.js';
import { WebhooksService } from './webhooks.service.js';

@ApiTags('integrations')
@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  /** 400 `webhook_destination_refused` for a private, loopback or link-local destination (unless WEBHOOK_ALLOW_PRIVATE=true). */
  @Allow('integrations.manage')
  @Post()
  @ApiZodBody(createWebhookRequestSchema)
  create(@Body(new ZodValidationPipe(createWebhookRequestSchema)) body: CreateWebhookRequest, @CurrentUser() actor: SessionUser): Promise<Webhook> {
    return this.webhooks.register(body, actor);
  }

  @Allow('integrations.manage')
  @Get()
  list(): Promise<WebhookList> {
    return this.webhooks.list();
  }

  @Allow('integrations.manage')
  @Delete(':id')
  @HttpCode(204)
  remove(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() actor: SessionUser): Promise<void> {
    return this.webhooks.remove(id, actor);
  }

  @Allow('integrations.manage')
  @Get(':id/deliveries')
  @ApiZodQuery(webhookDeliveriesQuerySchema)
  deliveries(@Param('id', new ParseUUIDPipe()) id: string, @Query(new ZodValidationPipe(webhookDeliveriesQuerySchema)) query: WebhookDeliveriesQuery): Promise<WebhookDeliveryList> {
    return this.webhooks.deliveries(id, query);
  }

  @Allow('integrations.manage')
  @Post(':id/deliveries/:deliveryId/retry')
  @HttpCode(202)
  retry(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('deliveryId', new ParseUUIDPipe()) deliveryId: string,
    @CurrentUser() actor: SessionUser,
  ): Promise<WebhookDelivery> {
    return this.webhooks.retry(id, deliveryId, actor);
  }
}
