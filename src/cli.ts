/** The `marke` command line: start, migrate, seed, export, check-data. */
import { checkData, checkFile } from './cli-check-data.js';

const [command = 'help', ...args] = process.argv.slice(2);

async function main(): Promise<number> {
  switch (command) {
    case 'check-data':
      return checkData(args[0] ?? 'data/regions/drenthe');
    case 'check-file':
      return args[0] ? checkFile(args[0]) : 2;
    default:
      console.log('Gebruik: marke <start|migrate|seed|export|check-data>');
      return command === 'help' ? 0 : 2;
  }
}

process.exitCode = await main();
