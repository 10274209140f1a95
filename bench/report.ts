/** Plain-text tables and the machine description shared by the benchmark scripts. */
import os from 'node:os';

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

/** Prints rows as an aligned plain-text table. */
export function printTable(
  title: string,
  rows: ReadonlyArray<Record<string, string | number>>,
): void {
  const head = Object.keys(rows[0] ?? {});
  const cells = [head, ...rows.map((row) => head.map((key) => String(row[key])))];
  const widths = head.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  console.log(`\n${title}`);
  for (const [n, row] of cells.entries()) {
    console.log(row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  '));
    if (n === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
}

/** The machine the figures came from. */
export function machine() {
  return {
    cpus: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: round(os.totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
    /** Other work on the machine skews the figures; recorded so a reader can judge. */
    loadAverage1m: round(os.loadavg()[0] ?? 0, 2),
  };
}
