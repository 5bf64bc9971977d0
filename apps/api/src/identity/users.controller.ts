import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
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
} from '@vetted/contracts';
import { ApiZodBody } from '../common/api-zod.decorators.js';
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
  outOfOffice(@CurrentUser() user: SessionUser): Promise<OutOfOffice | null> {
    return this.absences.get(user.id);
  }

  @Allow('review.decide')
  @Put('me/out-of-office')
  @ApiZodBody(outOfOfficeRequestSchema)
  setOutOfOffice(@Body(new ZodValidationPipe(outOfOfficeRequestSchema)) body: OutOfOfficeRequest, @CurrentUser() user: SessionUser): Promise<OutOfOffice> {
    return this.absences.set(user, body);
  }

  @Allow('review.decide')
  @Delete('me/out-of-office')
  @HttpCode(204)
  clearOutOfOffice(@CurrentUser() user: SessionUser): Promise<void> {
    return this.absences.clear(user);
  }

  @Allow('review.decide')
  @Get('me/delegates')
  delegates(@CurrentUser() user: SessionUser): Promise<DelegateCandidate[]> {
    return this.absences.delegates(user);
  }

  @Allow('users.manage')
  @Post()
  @ApiZodBody(createUserRequestSchema)
  create(@Body(new ZodValidationPipe(createUserRequestSchema)) body: CreateUserRequest, @CurrentUser() actor: SessionUser): Promise<User> {
    return this.users.create(body, actor);
  }

  @Allow('users.manage')
  @Get()
  list(): Promise<User[]> {
    return this.users.list();
  }

  @Allow('users.manage')
  @Patch(':id')
  @ApiZodBody(updateUserRequestSchema)
  update(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodValidationPipe(updateUserRequestSchema)) body: UpdateUserRequest,
    @CurrentUser() actor: SessionUser,
  ): Promise<User> {
    return this.users.update(id, body, actor);
  }
}
