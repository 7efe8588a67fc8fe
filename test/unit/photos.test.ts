import { describe, expect, it } from 'vitest';
import {
  detectUploadKind,
  parsePhotoUrl,
  photoFileNames,
  photoSizeProblem,
  photoSrcset,
  photoUrlNear,
  photoWidths,
} from '../../src/lib/photos.ts';

const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? [...part].map((c) => c.charCodeAt(0)) : part)));
const ftyp = (major: string, ...compatible: string[]) => {
  const size = 16 + 4 * compatible.length;
  return bytes([0, 0, 0, size], 'ftyp', major, [0, 0, 0, 0], ...compatible, 'mdat');
};

describe('detectUploadKind: by the first bytes, never the name', () => {
  it('knows JPEG, PNG, WebP and HEIC', () => {
    expect(detectUploadKind(bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg');
    expect(detectUploadKind(bytes([0x89], 'PNG\r\n\x1a\n'))).toBe('png');
    expect(detectUploadKind(bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 '))).toBe('webp');
    expect(detectUploadKind(ftyp('heic', 'mif1', 'heic'))).toBe('heif');
    // Some phones write the generic brand first and HEVC among the compatible ones.
    expect(detectUploadKind(ftyp('mif1', 'mif1', 'heic'))).toBe('heif');
  });

  it('refuses text, PDF, AVIF, a bare container and short files', () => {
    expect(detectUploadKind(bytes('<html><body>not a photo</body></html>'))).toBeUndefined();
    expect(detectUploadKind(bytes('%PDF-1.7\n'))).toBeUndefined();
    expect(detectUploadKind(ftyp('avif', 'mif1', 'avif'))).toBeUndefined();
    expect(detectUploadKind(ftyp('mif1', 'mif1', 'miaf'))).toBeUndefined();
    expect(detectUploadKind(ftyp('isom', 'mp41'))).toBeUndefined();
    expect(detectUploadKind(bytes([0xff, 0xd8]))).toBeUndefined();
    expect(detectUploadKind(new Uint8Array())).toBeUndefined();
  });
});

describe('photoSizeProblem', () => {
  it('takes VGA either way round and refuses smaller', () => {
    expect(photoSizeProblem(640, 480)).toBeUndefined();
    expect(photoSizeProblem(480, 640)).toBeUndefined();
    expect(photoSizeProblem(4032, 3024)).toBeUndefined();
    expect(photoSizeProblem(639, 480)?.reason).toBe('photo-too-small');
    expect(photoSizeProblem(2000, 400)?.reason).toBe('photo-too-small');
  });

  it('refuses more than 64 megapixels (decompression bombs)', () => {
    expect(photoSizeProblem(8160, 6120)).toBeUndefined();
    expect(photoSizeProblem(50_000, 50_000)).toMatchObject({ reason: 'photo-too-many-pixels', detail: expect.stringContaining('64 megapixels') });
  });
});

describe('photo files and addresses', () => {
  const photo = { file: '0123456789abcdef', alt: 'Hũ mắm', width: 1600, height: 1200 };

  it('makes each width up to the photo own width, in AVIF and JPEG', () => {
    expect(photoWidths(1600)).toEqual([320, 640, 960, 1600]);
    expect(photoWidths(1200)).toEqual([320, 640, 960, 1200]);
    expect(photoWidths(640)).toEqual([320, 640]);
    expect(photoFileNames({ file: photo.file, width: 800 })).toEqual([
      '0123456789abcdef-320.avif',
      '0123456789abcdef-640.avif',
      '0123456789abcdef-800.avif',
      '0123456789abcdef-320.jpg',
      '0123456789abcdef-640.jpg',
      '0123456789abcdef-800.jpg',
    ]);
  });

  it('addresses them under /anh/<slug>/', () => {
    expect(photoSrcset('mam-ca', photo, 'avif')).toBe(
      '/anh/mam-ca/0123456789abcdef-320.avif 320w, /anh/mam-ca/0123456789abcdef-640.avif 640w, /anh/mam-ca/0123456789abcdef-960.avif 960w, /anh/mam-ca/0123456789abcdef-1600.avif 1600w',
    );
    expect(photoUrlNear('mam-ca', photo, 500, 'jpeg')).toBe('/anh/mam-ca/0123456789abcdef-640.jpg');
    expect(photoUrlNear('mam-ca', { file: photo.file, width: 700 }, 1600, 'jpeg')).toBe('/anh/mam-ca/0123456789abcdef-700.jpg');
  });

  it('parses only names of the exact shape it makes', () => {
    expect(parsePhotoUrl('/anh/mam-ca/0123456789abcdef-960.avif')).toEqual({ slug: 'mam-ca', name: '0123456789abcdef-960.avif', contentType: 'image/avif' });
    expect(parsePhotoUrl('/anh/mam-ca/0123456789abcdef-960.jpg')?.contentType).toBe('image/jpeg');
    for (const bad of [
      '/anh/mam-ca/',
      '/anh/',
      '/anh/../content/products/mam-ca.md',
      '/anh/mam-ca/../../package.json',
      '/anh/mam-ca/%2e%2e/0123456789abcdef-960.jpg',
      '/anh/mam-ca/0123456789abcdef-960.png',
      '/anh/mam-ca/0123456789ABCDEF-960.jpg',
      '/anh/Mam-ca/0123456789abcdef-960.jpg',
      '/anh/mam-ca/.0123456789abcdef-960.jpg.1.2.tmp',
      '/anh/mam-ca/sub/0123456789abcdef-960.jpg',
    ]) {
      expect(parsePhotoUrl(bad), bad).toBeUndefined();
    }
  });
});
