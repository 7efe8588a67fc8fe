import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * HEIC (HEVC-coded HEIF, what iPhones and many Android phones save) decoded by libheif compiled
 * to WebAssembly (npm heic-decode over libheif-js): sharp's prebuilt libvips reads HEIF only with
 * AV1 inside (AVIF), having no HEVC decoder. The decode is synchronous and takes seconds for a
 * 12 MP photo, and its WebAssembly memory never shrinks, so it runs in a worker thread that ends
 * with it: the server's event loop keeps answering visitors and the memory goes back.
 * libheif applies the file's rotation and mirroring (irot/imir) while decoding; the pixels come
 * back as RGBA with no metadata at all.
 */
export interface DecodedHeic {
  width: number;
  height: number;
  /** RGBA, 4 bytes a pixel; absent when `accept` refused the size, so nothing was decoded. */
  data?: Uint8Array;
}

export class HeicDecodeError extends Error {}

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const decode = require(workerData.decoder);
(async () => {
  const images = await decode.all({ buffer: workerData.bytes });
  try {
    const image = images[0];
    const { width, height } = image;
    const { maxPixels, minLong, minShort } = workerData.limits;
    if (width * height > maxPixels || Math.max(width, height) < minLong || Math.min(width, height) < minShort) {
      parentPort.postMessage({ width, height });
      return;
    }
    const decoded = await image.decode();
    const data = new Uint8Array(decoded.data.buffer, decoded.data.byteOffset, decoded.data.byteLength);
    parentPort.postMessage({ width: decoded.width, height: decoded.height, data }, [data.buffer]);
  } finally {
    images.dispose();
  }
})().catch((error) => parentPort.postMessage({ error: String((error && error.message) || error) }));
`;

const decoderPath = () => createRequire(import.meta.url).resolve('heic-decode');

export interface HeicLimits {
  maxPixels: number;
  minLong: number;
  minShort: number;
}

/** Decodes the primary image, unless its size (read first) is outside the limits. */
export function decodeHeic(bytes: Uint8Array, limits: HeicLimits, timeoutMs = 60_000): Promise<DecodedHeic> {
  return new Promise((resolve, reject) => {
    // stdout/stderr kept from the server's log: libheif prints its own complaints about bad files.
    const worker = new Worker(WORKER, { eval: true, workerData: { decoder: decoderPath(), bytes, limits }, stdout: true, stderr: true });
    worker.stdout.resume();
    worker.stderr.resume();
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new HeicDecodeError(`decoding took longer than ${timeoutMs / 1000} s`));
    }, timeoutMs);
    const settle = () => {
      clearTimeout(timer);
      void worker.terminate();
    };
    worker.once('message', (message: DecodedHeic & { error?: string }) => {
      settle();
      if (message.error) reject(new HeicDecodeError(message.error));
      else resolve(message);
    });
    worker.once('error', (error) => {
      settle();
      reject(new HeicDecodeError(error.message));
    });
    worker.once('exit', (code) => {
      clearTimeout(timer);
      reject(new HeicDecodeError(`the decoder stopped (exit ${code})`));
    });
  });
}
