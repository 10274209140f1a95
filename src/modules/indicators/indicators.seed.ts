/**
 * Loads a region's `indicators.yaml` (the plan's own indicators, targets and baselines) and the
 * real data files it points to. Skipped when the files are unchanged (checksum), so a data
 * steward's later imports are not overwritten on every start; per indicator, only changed entries
 * are written, and never an indicator that is managed in beheer (see docs/ARCHITECTURE.md).
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { parse as parseYaml } from 'yaml';
import { writeAudit } from '../../db/audit.js';
import type { Database } from '../../db/schema.js';
import { seedFileChecksum, setSeedFileChecksum } from '../../db/seed-file.js';
import { err, ok, type Result } from '../../lib/result.js';
import { readTable } from '../../lib/tabular.js';
import { addAreas, areaIndex } from '../areas/index.js';
import { bumpDataVersion, goalIndex, parseGoalCode } from '../plan/index.js';
import { sourceIdsByCode } from '../sources/index.js';
import { datasetRows, saveDatasetMappings } from './indicators.datasets.js';
import { refreshSuppression } from './indicators.disclosure.js';
import { postcodeDatasetRows } from './indicators.postcodes.js';
import * as repo from './indicators.repository.js';
import {
  type DatasetSeedT,
  type IndicatorSeedT,
  IndicatorsFile,
  type PostcodeDatasetSeedT,
} from './indicators.types.js';

type Db = Kysely<Database>;
const FILE = 'indicators.yaml';

export type SeedResult =
  | { status: 'unchanged' }
  | { status: 'loaded'; indicators: number; measurements: number; skipped: string[] };

/** `indicators.yaml` and any `indicators-<name>.yaml` beside it (e.g. one per large dataset). */
async function readIndicatorFiles(dir: string) {
  const names = (await readdir(dir)).filter((n) => /^indicators-[a-z0-9-]+\.yaml$/.test(n)).sort();
  const texts = new Map<string, string>();
  for (const name of [FILE, ...names])
    texts.set(name, await readFile(path.join(dir, name), 'utf8'));
  return texts;
}

/** The data files the YAML names (`file: x.csv`), read by name before the YAML is parsed. */
async function readSources(dir: string, yamlText: string) {
  const files = new Map<string, Uint8Array>();
  for (const match of yamlText.matchAll(/\bfile:\s*([a-z0-9-]+\.csv)\b/g)) {
    const name = match[1] ?? '';
    if (!files.has(name)) files.set(name, new Uint8Array(await readFile(path.join(dir, name))));
  }
  return files;
}

/** Measurements of one indicator from a real data file: one column, one period, every known area. */
async function measurementsFromFile(
  seed: IndicatorSeedT,
  files: Map<string, Uint8Array>,
  areas: Set<string>,
  sources: Map<string, number>,
): Promise<Result<repo.MeasurementInsert[], string>> {
  const from = seed.measurements_from;
  if (!from) return ok([]);
  const dataSourceId = from.source_code ? sources.get(from.source_code) : null;
  if (dataSourceId === undefined)
    return err(`${seed.code}: bron ${from.source_code} staat niet in sources.yaml.`);
  const table = await readTable(from.file, files.get(from.file) ?? new Uint8Array());
  if (!table.ok) return err(`${from.file}: ${table.error}`);
  const column = from.column.toLowerCase();
  const areaColumn = from.area_column.toLowerCase();
  if (!table.value.columns.includes(column) || !table.value.columns.includes(areaColumn))
    return err(`${from.file}: kolom ${from.column} of ${from.area_column} ontbreekt.`);
  return ok(
    table.value.rows
      .filter((row) => areas.has(row[areaColumn] ?? ''))
      .map((row) => {
        const raw = row[column] ?? '';
        const value = raw === '' ? null : Number(raw);
        return {
          indicatorId: 0,
          indicator: seed.code,
          areaCode: row[areaColumn] ?? '',
          period: from.period,
          value: value !== null && Number.isFinite(value) ? value : null,
          missingReason: raw === '' ? 'geen waarde gepubliceerd' : null,
          numerator: null,
          denominator: null,
          sampleSize: null,
          ciLow: null,
          ciHigh: null,
          source: from.source,
          note: '',
          dataSourceId,
        };
      }),
  );
}

function checkReferences(
  seeds: IndicatorSeedT[],
  goals: Set<string>,
  areas: Set<string>,
): string[] {
  const problems: string[] = [];
  for (const seed of seeds) {
    for (const goal of seed.goals) {
      const parsed = parseGoalCode(goal.code);
      if (!parsed || !goals.has(parsed.code))
        problems.push(`${FILE} › ${seed.code}: doel ${goal.code} staat niet in het plan.`);
    }
    for (const place of [...seed.targets, ...seed.measurements].map((t) => t.area))
      if (!areas.has(place))
        problems.push(`${FILE} › ${seed.code}: gebied ${place} staat niet in areas.csv.`);
  }
  const codes = seeds.map((s) => s.code);
  for (const code of codes.filter((c, i) => codes.indexOf(c) !== i))
    problems.push(`${FILE}: indicator ${code} staat er twee keer in.`);
  return problems;
}

type Datasets = { datasets: DatasetSeedT[]; postcodeDatasets: PostcodeDatasetSeedT[] };

/**
 * The checksum of one entry (as parsed, so layout changes do not count) and its data files: the
 * one it names itself, every dataset with a column for it and every population file it is
 * computed from.
 */
function entryChecksum(
  seed: IndicatorSeedT,
  files: Map<string, Uint8Array>,
  { datasets, postcodeDatasets }: Datasets,
): string {
  const hash = createHash('sha256').update(JSON.stringify(seed));
  const file = seed.measurements_from?.file;
  if (file) hash.update(files.get(file) ?? new Uint8Array());
  for (const dataset of datasets)
    if (Object.values(dataset.columns).some((code) => code.toLowerCase() === seed.code))
      hash.update(JSON.stringify(dataset)).update(files.get(dataset.file) ?? new Uint8Array());
  for (const dataset of postcodeDatasets)
    if (dataset.measures.some((m) => m.indicator === seed.code))
      hash.update(JSON.stringify(dataset)).update(files.get(dataset.file) ?? new Uint8Array());
  return hash.digest('hex');
}

/** All indicator files parsed and merged, or the problems with their file names. */
function parseIndicatorFiles(texts: Map<string, string>) {
  const indicators: IndicatorSeedT[] = [];
  const datasets: DatasetSeedT[] = [];
  const postcodeDatasets: PostcodeDatasetSeedT[] = [];
  const problems: string[] = [];
  for (const [name, text] of texts) {
    // Merge keys (<<: *defaults) keep a long list of similar indicators short.
    const parsed = IndicatorsFile.safeParse(parseYaml(text, { merge: true, maxAliasCount: 1000 }));
    if (!parsed.success)
      problems.push(
        ...parsed.error.issues.map((i) => `${name} › ${i.path.join('.')}: ${i.message}`),
      );
    else {
      indicators.push(...parsed.data.indicators);
      datasets.push(...parsed.data.datasets);
      postcodeDatasets.push(...parsed.data.postcode_datasets);
    }
  }
  return problems.length > 0 ? err(problems) : ok({ indicators, datasets, postcodeDatasets });
}

function measurementRows(seed: IndicatorSeedT, id: number, fromFile: repo.MeasurementInsert[]) {
  return [
    ...seed.measurements.map(
      (m): repo.MeasurementInsert => ({
        indicatorId: id,
        indicator: seed.code,
        areaCode: m.area,
        period: m.period,
        value: m.value,
        missingReason: null,
        numerator: null,
        denominator: null,
        sampleSize: null,
        ciLow: null,
        ciHigh: null,
        source: m.source,
        note: m.note,
        isProjection: m.projection,
      }),
    ),
    ...fromFile.map((m) => ({ ...m, indicatorId: id })),
  ];
}

/**
 * Loads the file when it changed (whole-file checksum), and then per indicator only what changed
 * (entry checksum), so imported measurements of untouched indicators stay as they are. An
 * indicator edited, created or deleted in beheer is managed there: the file never overwrites it;
 * a differing file entry is reported (`skipped`, and an audit row with what the file says).
 */
export async function importIndicatorsFromDirectory(
  db: Db,
  regionId: number,
  dir: string,
  actor: string,
): Promise<Result<SeedResult, string[]>> {
  const texts = await readIndicatorFiles(dir).catch(() => undefined);
  if (!texts) return ok({ status: 'unchanged' });
  // Checksum before parsing: a restart with unchanged files costs a few file reads and two queries.
  const files = await readSources(dir, [...texts.values()].join('\n')).catch(
    (error: Error) => error,
  );
  if (files instanceof Error)
    return err([`${FILE}: een genoemd databestand ontbreekt (${files.message}).`]);
  const hash = createHash('sha256');
  for (const [name, text] of texts) hash.update(name).update(text);
  for (const [name, content] of [...files].sort()) hash.update(name).update(content);
  const checksum = hash.digest('hex');
  const [stored, states] = await Promise.all([
    seedFileChecksum(db, regionId, FILE),
    repo.listSeedStates(db, regionId),
  ]);
  if (stored === checksum && states.size > 0) return ok({ status: 'unchanged' });
  const parsed = parseIndicatorFiles(texts);
  if (!parsed.ok) return parsed;
  const { datasets, postcodeDatasets } = parsed.value;
  const allDatasets = { datasets, postcodeDatasets };
  const seeds = parsed.value.indicators.map((seed) => ({
    ...seed,
    goals: seed.goals.map((g) => ({ ...g, code: parseGoalCode(g.code)?.code ?? g.code })),
  }));
  if (stored === checksum) {
    // A database loaded before per-indicator states existed already holds exactly this file.
    await db.transaction().execute(async (trx) => {
      for (const seed of seeds)
        await repo.upsertSeedState(
          trx,
          regionId,
          seed.code,
          entryChecksum(seed, files, allDatasets),
        );
    });
    return ok({ status: 'unchanged' });
  }

  const [goals, areaMap, sources] = await Promise.all([
    goalIndex(db, regionId),
    areaIndex(db, regionId),
    sourceIdsByCode(db, regionId),
  ]);
  const areas = new Set(areaMap.keys());
  const problems = checkReferences(seeds, new Set(goals.keys()), areas);
  const fromFiles = new Map<string, repo.MeasurementInsert[]>();
  for (const seed of seeds) {
    const rows = await measurementsFromFile(seed, files, areas, sources);
    if (rows.ok) fromFiles.set(seed.code, rows.value);
    else problems.push(rows.error);
  }
  const wide = await datasetRows(
    datasets,
    files,
    new Set(seeds.map((s) => s.code)),
    areas,
    sources,
  );
  problems.push(...wide.problems);
  for (const [code, rows] of wide.rows)
    fromFiles.set(code, [...(fromFiles.get(code) ?? []), ...rows]);
  const postcodes = await postcodeDatasetRows(
    postcodeDatasets,
    files,
    new Set(seeds.map((s) => s.code)),
    areaMap,
    sources,
  );
  problems.push(...postcodes.problems);
  for (const [code, rows] of postcodes.rows)
    fromFiles.set(code, [...(fromFiles.get(code) ?? []), ...rows]);
  if (problems.length > 0) return err(problems);

  // A database loaded before per-indicator states existed had no beheer edits yet: the file owns it.
  const legacy = states.size === 0 && stored !== undefined;
  const existing = new Set((await repo.indicatorIdsByCode(db, regionId)).map((i) => i.code));
  let measurements = 0;
  let loaded = 0;
  const skipped: string[] = [];
  await db.transaction().execute(async (trx) => {
    // Postcode areas first: their figures and the disclosure groups below refer to them.
    await addAreas(trx, regionId, postcodes.areas);
    for (const seed of seeds) {
      const entry = entryChecksum(seed, files, allDatasets);
      const state = states.get(seed.code);
      if (state?.checksum === entry) continue;
      // No state but a row: a data steward created this code in beheer before the file had it.
      const createdHere = !legacy && !state && existing.has(seed.code);
      if (state?.managed_here_at || createdHere) {
        skipped.push(seed.code);
        if (createdHere) await repo.upsertSeedState(trx, regionId, seed.code, '', 'beheer');
        await writeAudit(trx, {
          actor,
          action: 'indicator.seed_skipped',
          entityType: 'indicator',
          entityKey: seed.code,
          regionId,
          before: null,
          after: { reason: 'in beheer aangepast; het planbestand zegt nu:', file: seed },
        });
        continue;
      }
      const id = await repo.upsertIndicator(trx, regionId, seed);
      await repo.replaceGoalsAndTargets(trx, id, seed);
      const rows = measurementRows(seed, id, fromFiles.get(seed.code) ?? []);
      measurements += rows.length;
      await repo.upsertMeasurements(trx, rows, null);
      await repo.upsertSeedState(trx, regionId, seed.code, entry);
      loaded += 1;
    }
    await refreshSuppression(trx, regionId);
    await saveDatasetMappings(trx, regionId, datasets, sources, actor);
    await setSeedFileChecksum(trx, regionId, FILE, checksum);
    await writeAudit(trx, {
      actor,
      action: 'indicators.seed',
      entityType: 'indicator',
      entityKey: FILE,
      regionId,
      before: null,
      after: { checksum, indicators: loaded, measurements, skipped },
    });
    await bumpDataVersion(trx);
  });
  return ok({ status: 'loaded', indicators: loaded, measurements, skipped });
}
