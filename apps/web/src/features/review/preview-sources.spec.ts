import { aVersion } from '../../testing/content-items';
import { previewOf } from './preview-sources';

const ITEM = '00000000-0000-4000-8000-000000000001';
const base = `/api/content-items/${ITEM}/versions/1`;
const image = aVersion({ asset: { filename: 'a.png', mimeType: 'image/png', size: 1, sha256: 'ab'.repeat(32) }, renditions: { status: 'ready', error: null, thumbnail: true, preview: true, previewWatermarked: true } });

describe('what the viewer shows of a version', () => {
  it('shows the watermarked image preview of an image', () => {
    expect(previewOf(ITEM, image)).toMatchObject({ kind: 'image', main: { url: `${base}/preview?draft`, contentType: 'image/webp' } });
  });

  it('plays the uploaded video while no preview exists, and the watermarked MP4 preview with its poster once made', () => {
    const video = aVersion();
    expect(previewOf(ITEM, video)).toMatchObject({ kind: 'video', main: { url: `${base}/original`, contentType: 'video/mp4' }, poster: null });
    const rendered = aVersion({ renditions: { ...video.renditions, status: 'ready', preview: true, previewMimeType: 'video/mp4', poster: true, previewWatermarked: true } });
    expect(previewOf(ITEM, rendered)).toMatchObject({ kind: 'video', main: { url: `${base}/preview?draft`, contentType: 'video/mp4' }, poster: { url: `${base}/preview?as=image&draft` } });
    const approved = aVersion({ renditions: { ...rendered.renditions, previewWatermarked: false } });
    expect(previewOf(ITEM, approved).main?.url).toBe(`${base}/preview?approved`);
  });

  it('draws an audio file’s waveform (its preview) under the player, which plays the original', () => {
    const audio = aVersion({
      asset: { filename: 'ep.mp3', mimeType: 'audio/mpeg', size: 1, sha256: 'ab'.repeat(32) },
      renditions: { status: 'ready', error: null, thumbnail: true, preview: true, previewMimeType: 'image/webp', previewWatermarked: true },
    });
    expect(previewOf(ITEM, audio)).toMatchObject({ kind: 'audio', main: { url: `${base}/original` }, waveform: { url: `${base}/preview?draft` } });
  });

  it('pages through the page images of a PDF in page order', () => {
    const pdf = aVersion({
      asset: { filename: 'info.pdf', mimeType: 'application/pdf', size: 1, sha256: 'ab'.repeat(32) },
      renditions: { status: 'ready', error: null, thumbnail: true, preview: true, previewMimeType: 'image/webp', previewWatermarked: true, pages: 2, pageCount: 2 },
    });
    const preview = previewOf(ITEM, pdf);
    expect(preview.kind).toBe('pages');
    expect(preview.pages.map((p) => p.url)).toEqual([`${base}/preview?page=1&draft`, `${base}/preview?page=2&draft`]);
  });

  it('has nothing to show for a document without page images', () => {
    const pdf = aVersion({ asset: { filename: 'info.pdf', mimeType: 'application/pdf', size: 1, sha256: 'ab'.repeat(32) }, renditions: { status: 'ready', error: null, thumbnail: true, preview: false, previewWatermarked: true } });
    expect(previewOf(ITEM, pdf).kind).toBe('none');
  });
});
