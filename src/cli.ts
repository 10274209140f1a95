/** The `marke` command line: start, migrate, seed, export, check-data, check-file. */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { checkData, checkFile } from './cli-check-data.js';
import { createUserCommand } from './cli-user.js';
import { loadConfig } from './config.js';
import { openMigrated, seedAll, start } from './main.js';
import { EXPORT_ENTITIES, exportPlan, getRegion, toCsv } from './modules/plan/index.js';

const [command = 'help', ...args] = process.argv.slice(2);

function option(name: string): string | undefined {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
}

async function exportCommand(): Promise<number> {
  const format = option('format') ?? 'json';
  if (format !== 'json' && format !== 'csv') {
    console.error('Gebruik: marke export --format json|csv [--region drenthe] [--out pad]');
    return 2;
  }
  const config = loadConfig();
  const handle = await openMigrated(config);
  try {
    const region = await getRegion(handle.db, option('region') ?? config.defaultRegion);
    if (!region.ok) {
      console.error('Onbekende regio.');
      return 1;
    }
    const data = await exportPlan(handle.db, region.value);
    const out =
      option('out') ??
      (format === 'json' ? `marke-${region.value.code}.json` : `export-${region.value.code}`);
    if (format === 'json') {
      await writeFile(
        out,
        `${JSON.stringify({ format: 'marke-plan-export', version: 1, entities: data }, null, 2)}\n`,
      );
    } else {
      await mkdir(out, { recursive: true });
      for (const entity of EXPORT_ENTITIES)
        await writeFile(
          path.join(out, `${entity}.csv`),
          toCsv(entity, data[entity] as ReadonlyArray<Record<string, unknown>>),
        );
    }
    console.log(`Export geschreven naar ${out}`);
    return 0;
  } finally {
    await handle.close();
  }
}

async function main(): Promise<number> {
  switch (command) {
    case 'start':
      await start(loadConfig());
      return 0;
    case 'migrate': {
      const handle = await openMigrated(loadConfig());
      await handle.close();
      console.log('Database is bijgewerkt.');
      return 0;
    }
    case 'seed': {
      const config = loadConfig();
      const handle = await openMigrated(config);
      try {
        await seedAll(handle, config, { force: args.includes('--force') });
      } finally {
        await handle.close();
      }
      return 0;
    }
    case 'export':
      return exportCommand();
    case 'user:create':
      return createUserCommand(loadConfig(), option);
    case 'check-data':
      return checkData(args[0] ?? 'data/regions/drenthe');
    case 'check-file':
      return args[0] ? checkFile(args[0]) : 2;
    default:
      console.log(
        'Gebruik: marke <start|migrate|seed [--force]|export --format json|csv|user:create --role … --email …|check-data [map]|check-file bestand>',
      );
      return command === 'help' ? 0 : 2;
  }
}

try {
  const code = await main();
  if (command !== 'start') process.exitCode = code;
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
