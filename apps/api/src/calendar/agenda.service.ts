import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { agendaEventInputSchema, type AgendaEvent, type AgendaEventList, type AgendaQuery, type SessionUser } from '@vetted/contracts';
import { DataSource, LessThanOrEqual, MoreThanOrEqual } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { NotFoundError } from '../common/domain-errors.js';
import { AgendaEventEntity } from './agenda-event.entity.js';

type ParsedInput = ReturnType<typeof agendaEventInputSchema.parse>;

/** Owns the HCP agenda: congresses, awareness days and other dates the calendar is planned around. */
@Injectable()
export class AgendaService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Events overlapping [from, to] (inclusive days). */
  async list(query: AgendaQuery): Promise<AgendaEventList> {
    const events = await this.dataSource.getRepository(AgendaEventEntity).find({
      where: { startsOn: LessThanOrEqual(query.to), endsOn: MoreThanOrEqual(query.from), ...(query.kind ? { kind: query.kind } : {}) },
      order: { startsOn: 'ASC', title: 'ASC' },
    });
    return { events: events.map(toAgendaEvent) };
  }

  create(input: ParsedInput, actor: SessionUser | null): Promise<AgendaEvent> {
    return this.dataSource.transaction(async (tx) => {
      const repo = tx.getRepository(AgendaEventEntity);
      const saved = await repo.save(repo.create({ ...fields(input), createdBy: actor?.id ?? null }));
      const event = toAgendaEvent(saved);
      await this.audit.record(tx, { actor, action: 'agenda_event.created', entity: 'agenda_event', entityId: saved.id, after: event });
      return event;
    });
  }

  update(id: string, input: ParsedInput, actor: SessionUser): Promise<AgendaEvent> {
    return this.dataSource.transaction(async (tx) => {
      const repo = tx.getRepository(AgendaEventEntity);
      const existing = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!existing) throw new NotFoundError('Agenda event', id);
      const before = toAgendaEvent(existing);
      const saved = await repo.save(Object.assign(existing, fields(input)));
      const event = toAgendaEvent(saved);
      await this.audit.record(tx, { actor, action: 'agenda_event.updated', entity: 'agenda_event', entityId: id, before, after: event });
      return event;
    });
  }

  remove(id: string, actor: SessionUser): Promise<void> {
    return this.dataSource.transaction(async (tx) => {
      const repo = tx.getRepository(AgendaEventEntity);
      const existing = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!existing) throw new NotFoundError('Agenda event', id);
      await repo.delete({ id });
      await this.audit.record(tx, { actor, action: 'agenda_event.deleted', entity: 'agenda_event', entityId: id, before: toAgendaEvent(existing) });
    });
  }
}

function fields(input: ParsedInput) {
  return {
    title: input.title,
    kind: input.kind,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    specialties: [...new Set(input.specialties)],
    location: input.location ?? null,
    url: input.url ?? null,
  };
}

export function toAgendaEvent(e: AgendaEventEntity): AgendaEvent {
  return { id: e.id, title: e.title, kind: e.kind, startsOn: e.startsOn, endsOn: e.endsOn, specialties: e.specialties, location: e.location, url: e.url };
}
