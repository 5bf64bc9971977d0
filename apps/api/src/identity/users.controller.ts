import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  createUserRequestSchema,
  outOfOfficeRequestSchema,
  updateUserRequestSchema,
  type CreateUserRequest,
  type DelegateCandidate,
  type OutOfOffice,
  type OutOfOfficeRequest,
  type SessionUser,
  type UpdateUserRequest,
  type User,
  delegateCandidateSchema,
  outOfOfficeSchema,
  userSchema,
} from '@vetted/contracts';
import { z } from 'zod';
import { ApiErrors, ApiNoContent, ApiZodBody, ApiZodResponse } from '../common/api-zod.decorators.js';
import { ZodValidationPipe } from '../common/zod-validation.pipe.js';
import { Allow } from './access.decorators.js';
import { CurrentUser } from './current-user.js';
import { OutOfOfficeService } from './out-of-office.service.js';
import { UsersService } from './users.service.js';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly absences: OutOfOfficeService,
  ) {}

  // Out of office is for reviewers: their review tasks are what a delegate covers.
  @Allow('review.decide')
  @Get('me/out-of-office')
  @ApiOperation({ summary: 'Read my out-of-office (null when none)' })
  @ApiZodResponse(outOfOfficeSchema.nullable())
  outOfOffice(@CurrentUser() user: SessionUser): Promise<OutOfOffice | null> {
    return this.absences.get(user.id);
  }

  @Allow('review.decide')
  @Put('me/out-of-office')
  @ApiZodBody(outOfOfficeRequestSchema)
  @ApiOperation({ summary: 'Set my out-of-office and delegate' })
  @ApiZodResponse(outOfOfficeSchema)
  setOutOfOffice(@Body(new ZodValidationPipe(outOfOfficeRequestSchema)) body: OutOfOfficeRequest, @CurrentUser() user: SessionUser): Promise<OutOfOffice> {
    return this.absences.set(user, body);
  }

  @Allow('review.decide')
  @Delete('me/out-of-office')
  @HttpCode(204)
  @ApiOperation({ summary: 'End my out-of-office' })
  @ApiNoContent()
  clearOutOfOffice(@CurrentUser() user: SessionUser): Promise<void> {
    return this.absences.clear(user);
  }

  @Allow('review.decide')
  @Get('me/delegates')
  @ApiOperation({ summary: 'List who may cover my reviews' })
  @ApiZodResponse(z.array(delegateCandidateSchema))
  delegates(@CurrentUser() user: SessionUser): Promise<DelegateCandidate[]> {
    return this.absences.delegates(user);
  }

  @Allow('users.manage')
  @Post()
  @ApiZodBody(createUserRequestSchema)
  @ApiOperation({ summary: 'Create a user' })
  @ApiZodResponse(userSchema, 201)
  @ApiErrors(409)
  create(@Body(new ZodValidationPipe(createUserRequestSchema)) body: CreateUserRequest, @CurrentUser() actor: SessionUser): Promise<User> {
    return this.users.create(body, actor);
  }

  @Allow('users.manage')
  @Get()
  @ApiOperation({ summary: 'List users' })
  @ApiZodResponse(z.array(userSchema))
  list(): Promise<User[]> {
    return this.users.list();
  }

  @Allow('users.manage')
  @Patch(':id')
  @ApiZodBody(updateUserRequestSchema)
  @ApiOperation({ summary: 'Change a user’s name, roles, markets or status' })
  @ApiZodResponse(userSchema)
  @ApiErrors(409)
  update(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodValidationPipe(updateUserRequestSchema)) body: UpdateUserRequest,
    @CurrentUser() actor: SessionUser,
  ): Promise<User> {
    return this.users.update(id, body, actor);
  }
}
