import { Logger } from '@nestjs/common';
import { THEMES } from './demo-themes.js';
import { demoInfographic, demoLeafletPdf, demoPodcast, demoVideo, type DemoFile } from './demo-media.js';
import type { DemoItem } from './demo-plan.js';

/** A few at a time: ffmpeg runs single-threaded here, so three keep two cores busy beside the seeding itself. */
const CONCURRENCY = 3;

/**
 * Makes the demo's files ahead of the seeding that uploads them, a few at a time, so generating
 * media and driving the workflow overlap. A file that cannot be made (no ffmpeg on this platform)
 * is null: its item stays a plan on the calendar rather than stopping the start-up.
 */
export class DemoMediaLibrary {
  private readonly logger = new Logger('DemoSeed');
  private readonly files = new Map<string, Promise<DemoFile | null>>();
  private readonly waiting: Array<() => void> = [];
  private active = 0;

  /** Starts making the first version of every item that has one, and the second of revisions. */
  prefetch(plan: readonly DemoItem[]): void {
    plan.forEach((item, index) => {
      if (!item.media) return;
      this.file(item, 1, index);
      if (item.stage === 'revision') this.file(item, 2, index);
    });
  }

  file(item: DemoItem, version: 1 | 2, index = 0): Promise<DemoFile | null> {
    const key = `${item.key}-v${version}`;
    let file = this.files.get(key);
    if (!file) {
      file = this.limited(() => make(item, version, index)).catch((error: unknown) => {
        this.logger.warn(`demo file ${key} could not be made (${error instanceof Error ? error.message : String(error)}); the item stays a plan`);
        return null;
      });
      this.files.set(key, file);
    }
    return file;
  }

  /** Resolves once nothing is being made any more (files nobody asked for are still awaited, so no ffmpeg outlives the seed). */
  async settled(): Promise<void> {
    await Promise.all(this.files.values());
  }

  private async limited<T>(work: () => Promise<T>): Promise<T> {
    if (this.active >= CONCURRENCY) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active++;
    try {
      return await work();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }
}

function make(item: DemoItem, version: 1 | 2, index: number): Promise<DemoFile> {
  const art = THEMES[item.theme];
  const stem = version === 1 ? item.key : `${item.key}-v2`;
  switch (item.media) {
    case 'png':
      return demoInfographic(art, `${stem}.png`);
    case 'pdf':
      return demoLeafletPdf(art, `${stem}.pdf`);
    case 'video': {
      const episode = /épisode (\d)/.exec(item.title)?.[1];
      const kicker = `${episode ? `Épisode ${episode}/5` : 'Vidéo'} · 90 secondes${version === 2 ? ' · version 2' : ''}`;
      const title = item.title.replace(/^.*?: /, '');
      return demoVideo({ ...art, title: title.charAt(0).toUpperCase() + title.slice(1), kicker }, `${stem}.mp4`, 220 + index * 15);
    }
    case 'podcast':
      return demoPodcast(`${stem}.mp3`, 392 + index * 10);
    default:
      throw new Error(`no media for ${item.key}`);
  }
}
