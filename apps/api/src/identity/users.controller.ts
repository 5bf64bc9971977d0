import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createUserRequestSchema, updateUserRequestSchema, type CreateUserRequest, type SessionUser, type UpdateUserRequest, type User } from '@vetted/contracts';
import { ApiZodBody } from '../common/api-zod.decorators.js';
import { ZodValidationPipe } from '../common/zod-validation.pipe.js';
import { Allow } from './access.decorators.js';
import { CurrentUser } from './current-user.js';
import { UsersService } from './users.service.js';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

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
