/** Reads only the region code of a plan directory, cheaply, for the unchanged-plan check. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

const RegionCodeOnly = z.object({ region: z.object({ code: z.string() }) });

/** The `region.code` of `region.yaml`, or undefined when the file is missing or malformed. */
export async function regionCodeOf(dir: string): Promise<string | undefined> {
  try {
    const parsed = RegionCodeOnly.safeParse(
      parseYaml(await readFile(path.join(dir, 'region.yaml'), 'utf8')),
    );
    return parsed.success ? parsed.data.region.code : undefined;
  } catch {
    return undefined;
  }
}
