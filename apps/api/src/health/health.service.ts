import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Health } from '@vetted/contracts';
import { DataSource } from 'typeorm';
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
      await Promise.race([
        this.dataSource.query('select 1'),
        new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 3000).unref()),
      ]);
      return true;
    } catch {
      return false;
    }
  }
}
