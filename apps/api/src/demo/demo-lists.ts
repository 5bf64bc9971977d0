import type { INestApplication } from '@nestjs/common';
import type { SessionUser } from '@vetted/contracts';
import { AudienceListsService } from '../content/audience-lists.service.js';

/** The channels and segments the demo plan uses, as an admin would keep them: a colour each, segments described. */
export const DEMO_CHANNELS = [
  { name: 'email', colour: '#2a5db0' },
  { name: 'rep-visit', colour: '#15803d' },
  { name: 'social', colour: '#be185d' },
  { name: 'podcast-platforms', colour: '#7e22ce' },
];

export const DEMO_SEGMENTS = [
  { name: 'science-driven', colour: '#0e7490', description: 'Cardiologues attachés aux données : études, recommandations, chiffres' },
  { name: 'patient-driven', colour: '#c2410c', description: 'Cardiologues et infirmières centrés sur le vécu du patient et l’observance' },
];

/**
 * The committee's weekly caps, set once the plan is in (the demo shows a full week, it does not ask
 * itself to confirm). Not on science-driven × e-mail, the pair the browser journeys plan with.
 */
export const DEMO_CAPS = [
  { segment: 'science-driven', channel: 'rep-visit', weeklyCap: 2 },
  { segment: 'patient-driven', channel: 'social', weeklyCap: 1 },
];

export async function seedDemoLists(app: INestApplication, admin: SessionUser): Promise<void> {
  const lists = app.get(AudienceListsService);
  for (const channel of DEMO_CHANNELS) await lists.createChannel(channel, admin);
  for (const segment of DEMO_SEGMENTS) await lists.createSegment(segment, admin);
}

export async function seedDemoCaps(app: INestApplication, admin: SessionUser): Promise<void> {
  const lists = app.get(AudienceListsService);
  const channels = await lists.listChannels();
  for (const segment of await lists.listSegments()) {
    const channelCaps = DEMO_CAPS.filter((c) => c.segment === segment.name).map((c) => ({ channelId: channels.find((ch) => ch.name === c.channel)!.id, weeklyCap: c.weeklyCap }));
    if (channelCaps.length) await lists.updateSegment(segment.id, { channelCaps }, admin);
  }
}
