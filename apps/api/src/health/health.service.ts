import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Health } from '@vetted/contracts';
import { DataSource } from 'typeorm';
import { withTimeout } from '../common/with-timeout.js';
import { StorageService } from '../infra/storage/storage.service.js';

@Injectable()
export class HealthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly storage: StorageService,
  ) {}

  async check(): Promise<Health> {
    const [db, storage] = await Promise.all([this.databaseUp(), this.storage.isUp()]);
    return { status: db && storage ? 'ok' : 'degraded', db: db ? 'up' : 'down', storage: storage ? 'up' : 'down' };
  }

  private async databaseUp(): Promise<boolean> {
    try {
      await withTimeout(this.dataSource.query('select 1'), 3000);
      return true;
    } catch {
      return false;
    }
  }
}
