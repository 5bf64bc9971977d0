import type { ContentVersion } from '@vetted/contracts';
import { aVersion } from '../../testing/content-items';
import { previewOf } from './preview-sources';

const ITEM = '00000000-0000-4000-8000-000000000001';
const base = `/api/content-items/${ITEM}/versions/1`;
const image = aVersion({ asset: { filename: 'a.png', mimeType: 'image/png', size: 1, sha256: 'ab'.repeat(32) }, renditions: { status: 'ready', error: null, thumbnail: true, preview: true, previewWatermarked: true } });

describe('what the viewer shows of a version', () => {
  it('shows the watermarked image preview of an image', () => {
    expect(previewOf(ITEM, image)).toMatchObject({ kind: 'image', main: { url: `${base}/preview?draft`, contentType: 'image/webp' } });
  });

  it('plays the uploaded video while no preview exists, and the MP4 preview with its poster once listed', () => {
    const video = aVersion();
    expect(previewOf(ITEM, video)).toMatchObject({ kind: 'video', main: { url: `${base}/original`, contentType: 'video/mp4' }, poster: null });
    const rendered = aVersion({
      renditions: { ...video.renditions, status: 'ready', files: [{ kind: 'poster', contentType: 'image/webp' }, { kind: 'preview', contentType: 'video/mp4' }, { kind: 'sprite-sheet', contentType: 'image/avif' }] } as ContentVersion['renditions'],
    });
    expect(previewOf(ITEM, rendered)).toMatchObject({ kind: 'video', main: { url: `${base}/preview?approved`, contentType: 'video/mp4' }, poster: { url: `${base}/poster?approved` } });
  });

  it('draws an audio waveform image under the player when there is one', () => {
    const audio = aVersion({
      asset: { filename: 'ep.mp3', mimeType: 'audio/mpeg', size: 1, sha256: 'ab'.repeat(32) },
      renditions: { status: 'ready', error: null, thumbnail: false, preview: false, previewWatermarked: true, files: [{ kind: 'waveform', contentType: 'image/png' }] } as ContentVersion['renditions'],
    });
    expect(previewOf(ITEM, audio)).toMatchObject({ kind: 'audio', main: { url: `${base}/original` }, waveform: { url: `${base}/waveform?draft` } });
  });

  it('pages through the page images of a PDF in page order', () => {
    const pdf = aVersion({
      asset: { filename: 'info.pdf', mimeType: 'application/pdf', size: 1, sha256: 'ab'.repeat(32) },
      renditions: { status: 'ready', error: null, thumbnail: true, preview: false, previewWatermarked: true, files: [{ kind: 'page', page: 2, contentType: 'image/webp' }, { kind: 'page', page: 1, contentType: 'image/webp' }] } as ContentVersion['renditions'],
    });
    const preview = previewOf(ITEM, pdf);
    expect(preview.kind).toBe('pages');
    expect(preview.pages.map((p) => p.url)).toEqual([`${base}/pages/1?draft`, `${base}/pages/2?draft`]);
  });

  it('has nothing to show for a document without page images', () => {
    const pdf = aVersion({ asset: { filename: 'info.pdf', mimeType: 'application/pdf', size: 1, sha256: 'ab'.repeat(32) }, renditions: { status: 'ready', error: null, thumbnail: true, preview: false, previewWatermarked: true } });
    expect(previewOf(ITEM, pdf).kind).toBe('none');
  });
});
