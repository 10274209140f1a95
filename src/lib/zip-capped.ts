/**
 * Unpacking a zip entry with a budget: a small upload can unpack to gigabytes (a zip bomb), so
 * every reader of zips (the Hulpwijzer's CSV package, XLSX workbooks) stops at its budget instead
 * of trusting the sizes the zip declares.
 */
import type JSZip from 'jszip';

/**
 * The entry's bytes — or only its size when `keep` is false — or null as soon as it unpacks to
 * more than `budget` bytes. Damaged data reads as empty (size 0): the caller's parser refuses it.
 */
export function readCapped(
  entry: JSZip.JSZipObject,
  budget: number,
  { keep = true }: { keep?: boolean } = {},
): Promise<{ size: number; bytes: Uint8Array } | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stream = entry.nodeStream('nodebuffer');
    stream.on('data', (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > budget) {
        stream.pause();
        stream.removeAllListeners('data');
        resolve(null);
      } else if (keep) chunks.push(chunk);
    });
    stream.on('error', () => resolve({ size: 0, bytes: new Uint8Array(0) }));
    stream.on('end', () => resolve({ size, bytes: new Uint8Array(Buffer.concat(chunks)) }));
  });
}

/** Whether all of the zip's files together unpack to at most `budget` bytes (nothing is kept). */
export async function unpacksWithin(zip: JSZip, budget: number): Promise<boolean> {
  let left = budget;
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    const read = await readCapped(entry, left, { keep: false });
    if (!read) return false;
    left -= read.size;
  }
  return true;
}
