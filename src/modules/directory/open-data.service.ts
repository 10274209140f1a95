/**
 * The Hulpwijzer's open-data downloads at scale (ADR 0021): the JSON export is written a batch
 * of services at a time into a gzip stream, so memory holds one batch and the compressed file,
 * never the whole text; each file is kept per region for the directory version it was made at
 * (the change counter of migration 0024 and the date), so it is made once per change, and its
 * ETag is known before anything is made: a revalidation with If-None-Match costs one query.
 */
import { once } from 'node:events';
import { createGzip } from 'node:zlib';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { directoryVersion } from './hsds.repository.js';
import { serviceBatches } from './hsds.service.js';
import { pageHeader } from './hsds-format.js';
import { publicDirectory } from './transfer.service.js';
import { tabularZip } from './transfer-export.js';

type Db = Kysely<Database>;

/**
 * Change records (`metadata`) are left out of the export: an import does not read them (Marke
 * writes its own history), so the file read back gives the same file (ADR 0020).
 */
const withoutMetadata = (key: string, value: unknown) => (key === 'metadata' ? undefined : value);

/**
 * The JSON export as pieces of text: the Page's header, then one piece per batch of services,
 * then the end. Joined, they are one HSDS `Page` holding every visible service fully nested.
 */
export async function* directoryJsonParts(db: Db, regionId: number): AsyncGenerator<string> {
  const { total, batches } = await serviceBatches(db, regionId);
  const header = pageHeader({ total, page: 1, perPage: Math.max(total, 1) }, total);
  yield `${JSON.stringify(header).slice(0, -1)},"contents":[`;
  let first = true;
  for await (const batch of batches)
    for (const service of batch) {
      yield `${first ? '' : ','}${JSON.stringify(service, withoutMetadata)}`;
      first = false;
    }
  yield ']}';
}

/** The JSON export as one string (tests and small directories; the download is gzipped parts). */
export async function publicDirectoryJson(db: Db, regionId: number): Promise<string> {
  let text = '';
  for await (const part of directoryJsonParts(db, regionId)) text += part;
  return text;
}

/** Text pieces through gzip: only the compressed bytes are kept. */
export async function gzipParts(parts: AsyncIterable<string>): Promise<Buffer> {
  const gzip = createGzip({ level: 6 });
  const chunks: Buffer[] = [];
  gzip.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = once(gzip, 'end');
  try {
    for await (const part of parts) if (!gzip.write(part)) await once(gzip, 'drain');
  } catch (error) {
    gzip.destroy();
    throw error;
  }
  gzip.end();
  await ended;
  return Buffer.concat(chunks);
}

export type OpenDataKind = 'json' | 'zip';
type Region = { id: number; code: string; name: string };

/** A made file: the JSON export gzipped, or the tabular zip; `etag` null if writes kept landing. */
export type OpenDataFile = { etag: string | null; bytes: Buffer };

export type OpenDataAnswer = { status: 304; etag: string } | ({ status: 200 } & OpenDataFile);

const etagOf = (kind: OpenDataKind, region: Region, version: string) =>
  `"hsds-${kind}-${region.code}-${version}"`;

/** Whether an If-None-Match header names this ETag (or `*`). */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  return (ifNoneMatch ?? '').split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag || t === `W/${etag}`;
  });
}

/** A write that lands while a file is made gives a mixed file: made again, at most this often. */
const ATTEMPTS = 3;

/**
 * The region's open-data files, each kept for the directory version it was made at (one entry
 * per region and kind: the newest). Requests that miss together wait for the one making it.
 */
export class OpenDataFiles {
  private readonly kept = new Map<string, OpenDataFile & { version: string }>();
  private readonly making = new Map<string, Promise<OpenDataFile>>();

  constructor(private readonly db: Db) {}

  /** 304 when `ifNoneMatch` names the current version's file; else that file, made if needed. */
  async answer(
    region: Region,
    kind: OpenDataKind,
    ifNoneMatch: string | undefined,
  ): Promise<OpenDataAnswer> {
    const version = await directoryVersion(this.db);
    const etag = etagOf(kind, region, version);
    if (matchesEtag(ifNoneMatch, etag)) return { status: 304, etag };
    const key = `${kind} ${region.id} ${region.name}`;
    const kept = this.kept.get(key);
    if (kept?.version === version) return { status: 200, etag: kept.etag, bytes: kept.bytes };
    const flight = `${key} ${version}`;
    let made = this.making.get(flight);
    if (!made) {
      made = this.make(key, region, kind, version).finally(() => this.making.delete(flight));
      this.making.set(flight, made);
    }
    return { status: 200, ...(await made) };
  }

  /** Makes the file; kept only when no write landed meanwhile (the version did not move). */
  private async make(
    key: string,
    region: Region,
    kind: OpenDataKind,
    version: string,
  ): Promise<OpenDataFile> {
    let before = version;
    for (let attempt = 1; ; attempt++) {
      const bytes =
        kind === 'json'
          ? await gzipParts(directoryJsonParts(this.db, region.id))
          : Buffer.from(await tabularZip(await publicDirectory(this.db, region.id), region.name));
      const after = await directoryVersion(this.db);
      if (after === before) {
        const file = { etag: etagOf(kind, region, after), bytes };
        this.kept.set(key, { ...file, version: after });
        return file;
      }
      if (attempt === ATTEMPTS) return { etag: null, bytes };
      before = after;
    }
  }
}
