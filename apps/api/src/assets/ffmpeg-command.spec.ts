import { ffmpegBinary, MediaToolError, runFfmpeg } from './ffmpeg-command.js';
import { inputArgs, parseProbe } from './media-probe.js';
import { previewSize } from './video-rendition.js';

describe('ffmpeg as a bounded child process', () => {
  it('finds the npm-shipped binary, runnable', async () => {
    const { stderr } = await runFfmpeg(['-version'], { binary: ffmpegBinary(), timeoutMs: 10_000 }).catch((e: Error) => ({ stderr: e.message }));
    expect(stderr).toBe('');
    const { stdout } = await runFfmpeg(['-version'], { binary: ffmpegBinary(), timeoutMs: 10_000 });
    expect(stdout.toString()).toMatch(/^ffmpeg version/);
  });

  it('kills a run that outlives its time and says so', async () => {
    const started = Date.now();
    const endless = runFfmpeg(['-v', 'error', '-re', '-f', 'lavfi', '-i', 'testsrc=size=64x64:rate=5', '-f', 'null', '-'], { binary: ffmpegBinary(), timeoutMs: 500, timeoutMessage: 'too slow' });
    await expect(endless).rejects.toEqual(new MediaToolError('too slow'));
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('stops a run whose output passes the cap', async () => {
    const flood = runFfmpeg(['-v', 'error', '-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=25:duration=10', '-f', 'rawvideo', 'pipe:1'], { binary: ffmpegBinary(), timeoutMs: 20_000, maxStdoutBytes: 1024 * 1024 });
    await expect(flood).rejects.toThrow(/more than 1 MB/);
  });

  it('names ffmpeg’s own reason for a failure, without the temporary path', async () => {
    await expect(runFfmpeg(['-v', 'error', '-f', 'mov', '-i', '/tmp/vetted-object-nothing-here'], { binary: ffmpegBinary(), timeoutMs: 10_000, inputName: '/tmp/vetted-object-nothing-here' })).rejects.toThrow(
      /^ffmpeg failed \(exit 1\): the file: No such file or directory$/,
    );
  });

  it('reports a missing binary as a media tool error, not a crash', async () => {
    await expect(runFfmpeg(['-version'], { binary: '/nonexistent/ffmpeg', timeoutMs: 1_000 })).rejects.toEqual(new MediaToolError('ffmpeg was not found at /nonexistent/ffmpeg; set FFMPEG_PATH'));
  });
});

describe('reading ffmpeg’s description of an input', () => {
  it('reads the duration and the kinds of stream, not counting cover art as video', () => {
    const mp3 = `Input #0, mp3, from 'x':\n  Duration: 00:01:02.50, start: 0.025057, bitrate: 64 kb/s\n    Stream #0:0: Audio: mp3, 44100 Hz, mono, fltp, 64 kb/s\n    Stream #0:1: Video: mjpeg (Baseline), yuvj420p(pc), 600x600, 90k tbr (attached pic)\nStream mapping:\n  Stream #0:0 -> #0:0 (mp3 -> pcm_s16le)\n  Stream #0:1 -> #0:1: Video: wrapped_avframe`;
    expect(parseProbe(mp3)).toEqual({ durationSeconds: 62.5, hasVideo: false, hasAudio: true });
    const mp4 = `Input #0, mov,mp4,m4a,3gp,3g2,mj2, from 'x':\n  Duration: 01:00:03.02, start: 0.000000\n    Stream #0:0(und): Video: h264 (avc1 / 0x31637661), yuv420p, 640x360, 25 fps`;
    expect(parseProbe(mp4)).toEqual({ durationSeconds: 3603.02, hasVideo: true, hasAudio: false });
    expect(parseProbe('Input #0, matroska,webm, from x:\n  Duration: N/A')).toEqual({ durationSeconds: null, hasVideo: false, hasAudio: false });
  });

  it('forces the container of each accepted type and refuses to guess any other', () => {
    expect(inputArgs('video/quicktime', 'f')).toEqual(['-protocol_whitelist', 'file', '-f', 'mov', '-i', 'f']);
    expect(inputArgs('video/webm', 'f')).toContain('matroska');
    expect(inputArgs('audio/mpeg', 'f')).toContain('mp3');
    expect(inputArgs('audio/x-m4a', 'f')).toContain('mov');
    expect(inputArgs('audio/ogg', 'f')).toContain('ogg');
    expect(inputArgs('audio/wav', 'f')).toContain('wav');
    expect(() => inputArgs('application/vnd.apple.mpegurl', 'f')).toThrow(MediaToolError);
  });

  it('sizes the preview video small, even-sided and in proportion', () => {
    expect(previewSize(1920, 1080)).toEqual({ width: 854, height: 480 });
    expect(previewSize(1080, 1920)).toEqual({ width: 480, height: 854 });
    expect(previewSize(640, 360)).toEqual({ width: 640, height: 360 });
    expect(previewSize(321, 241)).toEqual({ width: 322, height: 242 });
  });
});
