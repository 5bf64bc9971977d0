import { type DynamicModule, Global, Module } from '@nestjs/common';
import type { ResolvedConfig } from '../infra/resolved-config.js';
import { APP_CONFIG } from './config.js';

@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: ResolvedConfig): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: APP_CONFIG, useValue: config }], exports: [APP_CONFIG] };
  }
}
