/** `marke check-data [dir]`: validates plan files without importing them. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import {
  formatPath,
  GlossaryFile,
  GovernanceFile,
  InitiativesFile,
  loadPlanFiles,
  OpgaveFile,
  OrganisationsFile,
  ProgrammesFile,
  RegionFile,
  SectionsFile,
} from './modules/plan/index.js';

/** Prints each problem as `file › path: message` and returns the exit code. */
export async function checkData(dir: string): Promise<number> {
  const result = await loadPlanFiles(dir);
  if (result.ok) {
    const files = result.value;
    const strategic = files.opgaven.flatMap((o) => o.data.strategic_goals);
    const operational = strategic.flatMap((g) => g.operational_goals);
    console.log(
      `In orde: ${files.opgaven.length} opgaven, ${strategic.length} strategische doelen, ` +
        `${operational.length} operationele doelen, ${files.organisations.organisations.length} organisaties, ` +
        `${files.programmes.length} programma's (checksum ${files.checksum.slice(0, 12)}).`,
    );
    return 0;
  }
  console.error(`De plandata in ${dir} bevat ${result.error.length} fout(en):`);
  for (const problem of result.error) {
    console.error(
      `  ${problem.file}${problem.path ? ` › ${problem.path}` : ''}: ${problem.message}`,
    );
  }
  return 1;
}

const schemaByName: Record<string, z.ZodType> = {
  'region.yaml': RegionFile,
  'organisations.yaml': OrganisationsFile,
  'programmes.yaml': ProgrammesFile,
  'governance.yaml': GovernanceFile,
  'glossary.yaml': GlossaryFile,
  'sections.yaml': SectionsFile,
  'initiatives.yaml': InitiativesFile,
};

/** `marke check-file <file>`: validates one plan file on its own (schema only, no references). */
export async function checkFile(file: string): Promise<number> {
  const name = path.basename(file);
  const schema = path.basename(path.dirname(file)) === 'opgaven' ? OpgaveFile : schemaByName[name];
  if (!schema) {
    console.error(`Onbekend plan-bestand: ${name}`);
    return 2;
  }
  const parsed = schema.safeParse(parseYaml(await readFile(file, 'utf8')));
  if (parsed.success) {
    console.log(`${file}: in orde`);
    return 0;
  }
  for (const issue of parsed.error.issues) {
    console.error(`  ${file} › ${formatPath(issue.path)}: ${issue.message}`);
  }
  return 1;
}
