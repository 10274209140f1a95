/**
 * One process at a time per embedded data directory. PGlite is not multi-process: a second
 * process (say `marke seed` while `npm start` runs) would write to the same files and one of the
 * two would silently lose its changes. A pid file makes the second one stop with a clear message.
 */
import { open, readFile, rm } from 'node:fs/promises';
import path from 'node:path';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock or throws; returns a function that releases it. Stale locks of dead processes are taken over. */
export async function lockDataDirectory(dataDir: string): Promise<() => Promise<void>> {
  const file = path.join(dataDir, 'marke.pid');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(file, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => rm(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number.parseInt(await readFile(file, 'utf8').catch(() => ''), 10);
      if (Number.isFinite(owner) && isRunning(owner)) {
        throw new Error(
          `De database in ${dataDir} is in gebruik door proces ${owner} (draait Marke al, bijvoorbeeld met npm start?). ` +
            'Stop dat proces eerst, of gebruik een andere MARKE_DATA_DIR.',
        );
      }
      await rm(file, { force: true });
    }
  }
  throw new Error(`Kan ${file} niet vastleggen.`);
}
