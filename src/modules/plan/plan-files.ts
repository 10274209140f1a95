/**
 * Reads a region's plan data files, validates each with zod and checks the references
 * between files. Nothing here touches the database: `check-data` and the importer share it.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { z } from 'zod';
import { err, ok, type Result } from '../../lib/result.js';
import type { PlanFileError, PlanFiles } from './plan.types.js';
import {
  GlossaryFile,
  GovernanceFile,
  InitiativesFile,
  OpgaveFile,
  OrganisationsFile,
  ProgrammesFile,
  RegionFile,
  SectionsFile,
} from './plan-files.schema.js';
import { checkReferences } from './plan-references.js';

type FileRead = { file: string; data: unknown };

async function readYaml(root: string, relative: string): Promise<Result<FileRead, PlanFileError>> {
  const file = path.join(root, relative);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return err({ file: relative, path: '', message: 'bestand ontbreekt of is niet leesbaar' });
  }
  try {
    return ok({ file: relative, data: parseYaml(text) });
  } catch (error) {
    const message = error instanceof YAMLParseError ? error.message : String(error);
    return err({ file: relative, path: '', message: `geen geldige YAML: ${message}` });
  }
}

function validate<S extends z.ZodType>(
  schema: S,
  read: FileRead,
  errors: PlanFileError[],
): z.infer<S> | undefined {
  const parsed = schema.safeParse(read.data);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    errors.push({ file: read.file, path: formatPath(issue.path), message: issue.message });
  }
  return undefined;
}

/** Formats a zod issue path the way a person editing YAML reads it: `strategic_goals[0].code`. */
export function formatPath(segments: ReadonlyArray<PropertyKey>): string {
  return segments
    .map((segment, index) =>
      typeof segment === 'number' ? `[${segment}]` : `${index === 0 ? '' : '.'}${String(segment)}`,
    )
    .join('');
}

async function readAndValidate<S extends z.ZodType>(
  root: string,
  relative: string,
  schema: S,
  errors: PlanFileError[],
): Promise<z.infer<S> | undefined> {
  const read = await readYaml(root, relative);
  if (!read.ok) {
    errors.push(read.error);
    return undefined;
  }
  return validate(schema, read.value, errors);
}

/** Lists the opgave files (`opgaven/*.yaml`) in a stable order. */
async function listOpgaveFiles(root: string): Promise<string[]> {
  try {
    const names = await readdir(path.join(root, 'opgaven'));
    return names.filter((name) => name.endsWith('.yaml')).sort();
  } catch {
    return [];
  }
}

const FIXED_FILES = [
  'region.yaml',
  'organisations.yaml',
  'programmes.yaml',
  'governance.yaml',
  'glossary.yaml',
  'sections.yaml',
  'initiatives.yaml',
];

/**
 * Checksum over the raw bytes of every plan file of a region, computed before any parsing so an
 * unchanged plan costs one hash at start-up. Missing files make the checksum differ (and the
 * full load then reports them).
 */
export async function checksumPlanDirectory(root: string): Promise<string> {
  const opgaven = (await listOpgaveFiles(root)).map((name) => `opgaven/${name}`);
  const present = [];
  for (const relative of [...FIXED_FILES, ...opgaven]) {
    try {
      await readFile(path.join(root, relative));
      present.push(relative);
    } catch {
      // A missing file is reported by loadPlanFiles; here it only changes the checksum.
    }
  }
  return checksumFiles(root, present);
}

/** Checksum over the given plan files (path and bytes, in a stable order). */
async function checksumFiles(root: string, relatives: string[]): Promise<string> {
  const hash = createHash('sha256');
  for (const relative of [...relatives].sort()) {
    hash.update(relative);
    hash.update(await readFile(path.join(root, relative)));
  }
  return hash.digest('hex');
}

/** Reads and validates all plan files of a region; returns every problem found, not just the first. */
export async function loadPlanFiles(root: string): Promise<Result<PlanFiles, PlanFileError[]>> {
  const errors: PlanFileError[] = [];
  const opgaveNames = await listOpgaveFiles(root);
  if (opgaveNames.length === 0) {
    errors.push({ file: 'opgaven/', path: '', message: 'geen opgave-bestanden gevonden' });
  }
  const region = await readAndValidate(root, 'region.yaml', RegionFile, errors);
  const organisations = await readAndValidate(
    root,
    'organisations.yaml',
    OrganisationsFile,
    errors,
  );
  const programmes = await readAndValidate(root, 'programmes.yaml', ProgrammesFile, errors);
  const governance = await readAndValidate(root, 'governance.yaml', GovernanceFile, errors);
  const glossary = await readAndValidate(root, 'glossary.yaml', GlossaryFile, errors);
  const sections = await readAndValidate(root, 'sections.yaml', SectionsFile, errors);
  const initiatives = await readAndValidate(root, 'initiatives.yaml', InitiativesFile, errors);
  const opgaven = [];
  for (const name of opgaveNames) {
    const opgave = await readAndValidate(root, `opgaven/${name}`, OpgaveFile, errors);
    if (opgave) opgaven.push({ file: `opgaven/${name}`, data: opgave });
  }
  if (
    errors.length > 0 ||
    !region ||
    !organisations ||
    !programmes ||
    !governance ||
    !glossary ||
    !sections ||
    !initiatives
  ) {
    return err(errors);
  }
  const files: PlanFiles = {
    region,
    organisations,
    programmes: programmes.programmes,
    governance,
    glossary,
    sections: sections.sections,
    initiatives: initiatives.initiatives,
    opgaven: opgaven.sort((a, b) => a.data.number - b.data.number),
    checksum: '',
  };
  const referenceErrors = checkReferences(files);
  if (referenceErrors.length > 0) return err(referenceErrors);
  files.checksum = await checksumFiles(root, [
    ...FIXED_FILES,
    ...opgaveNames.map((name) => `opgaven/${name}`),
  ]);
  return ok(files);
}
