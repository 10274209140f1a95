/**
 * The region's wide data files (the `datasets` of the indicator files): read with the wide
 * import's own conversion and row checks, so a file loaded on first start and the same file
 * uploaded later by a data steward give the same rows, and the mapping is saved with the source.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { readTable } from '../../lib/tabular.js';
import { importMappingOf, saveImportMapping } from '../sources/index.js';
import type * as repo from './indicators.repository.js';
import type { DatasetSeedT } from './indicators.types.js';
import { checkRow } from './measurement-rows.js';
import { WideMapping, type WideMappingT, wideToLong } from './measurements-wide.js';

type Db = Kysely<Database>;

/** The wide-import mapping a dataset entry describes (column names lower case, as read). */
export function datasetMapping(dataset: DatasetSeedT): WideMappingT {
  const lower = (record: Record<string, string>, values = false) =>
    Object.fromEntries(
      Object.entries(record).map(([k, v]) => [k.toLowerCase(), values ? v.toLowerCase() : v]),
    );
  return {
    areaColumn: dataset.area_column.toLowerCase(),
    period: dataset.period,
    periodColumn: dataset.period_column.toLowerCase(),
    marginColumn: dataset.margin_column.toLowerCase(),
    filters: lower(dataset.filters),
    columns: lower(dataset.columns, true),
  };
}

/** Rows per indicator code from every dataset, or the problems (file, row, column, message). */
export async function datasetRows(
  datasets: DatasetSeedT[],
  files: Map<string, Uint8Array>,
  indicatorCodes: Set<string>,
  areas: Set<string>,
  sources: Map<string, number>,
): Promise<{ rows: Map<string, repo.MeasurementInsert[]>; problems: string[] }> {
  const rows = new Map<string, repo.MeasurementInsert[]>();
  const problems: string[] = [];
  for (const dataset of datasets) {
    const where = `datasets › ${dataset.file}`;
    const dataSourceId = sources.get(dataset.source_code);
    if (dataSourceId === undefined) {
      problems.push(`${where}: bron ${dataset.source_code} staat niet in sources.yaml.`);
      continue;
    }
    const table = await readTable(dataset.file, files.get(dataset.file) ?? new Uint8Array());
    if (!table.ok) {
      problems.push(`${where}: ${table.error}`);
      continue;
    }
    const wide = wideToLong(table.value, datasetMapping(dataset), areas);
    const found = [...wide.problems];
    const context = {
      indicators: new Map([...indicatorCodes].map((code) => [code, 0])),
      areas,
      defaultSource: dataset.source,
    };
    const seen = new Map<string, string>();
    for (const cell of wide.cells) {
      const row = checkRow(cell.row, cell.line, context, found);
      if (!row) continue;
      const key = `${row.indicator}|${row.areaCode}|${row.period}`;
      const first = seen.get(key);
      if (first !== undefined) {
        found.push({
          row: cell.line,
          column: cell.column,
          value: row.indicator,
          message: `De kolommen ${first} en ${cell.column} zijn aan dezelfde indicator gekoppeld.`,
        });
        continue;
      }
      seen.set(key, cell.column);
      const list = rows.get(row.indicator) ?? [];
      list.push({ ...row, indicatorId: 0, dataSourceId });
      rows.set(row.indicator, list);
    }
    for (const p of found.slice(0, 20))
      problems.push(`${where}, rij ${p.row}, kolom ${p.column}: ${p.message}`);
  }
  return { rows, problems };
}

/**
 * Saves each dataset's mapping with its source, so the next upload of that source is mapped:
 * merged into what is saved (columns a data steward added stay; the file's own columns win).
 */
export async function saveDatasetMappings(
  db: Db,
  regionId: number,
  datasets: DatasetSeedT[],
  sources: Map<string, number>,
  actor: string,
) {
  for (const dataset of datasets) {
    const sourceId = sources.get(dataset.source_code);
    if (sourceId === undefined) continue;
    const saved = WideMapping.safeParse(await importMappingOf(db, regionId, sourceId));
    const mapping = datasetMapping(dataset);
    const merged = saved.success
      ? {
          ...mapping,
          filters: { ...saved.data.filters, ...mapping.filters },
          columns: { ...saved.data.columns, ...mapping.columns },
        }
      : mapping;
    await saveImportMapping(db, regionId, sourceId, merged, actor);
  }
}
