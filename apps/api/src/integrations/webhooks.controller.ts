import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
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
  webhookDeliveryListSchema,
  webhookDeliverySchema,
  webhookListSchema,
  webhookSchema,
} from '@vetted/contracts';
import { ApiErrors, ApiNoContent, ApiZodBody, ApiZodQuery, ApiZodResponse } from '../common/api-zod.decorators.js';
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
  @ApiOperation({ summary: 'Register a webhook', description: '400 `webhook_destination_refused` for a private, loopback or link-local destination.' })
  @ApiZodResponse(webhookSchema, 201)
  create(@Body(new ZodValidationPipe(createWebhookRequestSchema)) body: CreateWebhookRequest, @CurrentUser() actor: SessionUser): Promise<Webhook> {
    return this.webhooks.register(body, actor);
  }

  @Allow('integrations.manage')
  @Get()
  @ApiOperation({ summary: 'List webhooks' })
  @ApiZodResponse(webhookListSchema)
  list(): Promise<WebhookList> {
    return this.webhooks.list();
  }

  @Allow('integrations.manage')
  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a webhook' })
  @ApiNoContent()
  remove(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() actor: SessionUser): Promise<void> {
    return this.webhooks.remove(id, actor);
  }

  @Allow('integrations.manage')
  @Get(':id/deliveries')
  @ApiZodQuery(webhookDeliveriesQuerySchema)
  @ApiOperation({ summary: 'List a webhook’s deliveries' })
  @ApiZodResponse(webhookDeliveryListSchema)
  deliveries(@Param('id', new ParseUUIDPipe()) id: string, @Query(new ZodValidationPipe(webhookDeliveriesQuerySchema)) query: WebhookDeliveriesQuery): Promise<WebhookDeliveryList> {
    return this.webhooks.deliveries(id, query);
  }

  @Allow('integrations.manage')
  @Post(':id/deliveries/:deliveryId/retry')
  @HttpCode(202)
  @ApiOperation({ summary: 'Send a delivery again' })
  @ApiZodResponse(webhookDeliverySchema, 202)
  @ApiErrors(409)
  retry(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('deliveryId', new ParseUUIDPipe()) deliveryId: string,
    @CurrentUser() actor: SessionUser,
  ): Promise<WebhookDelivery> {
    return this.webhooks.retry(id, deliveryId, actor);
  }
}
