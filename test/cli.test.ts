/** The `marke` command line as a user runs it: check-data, check-file, seed and export. */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const run = promisify(execFile);

async function marke(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', 'src/cli.ts', ...args],
      {
        env: { ...process.env, NODE_ENV: 'test', ...env },
        timeout: 120_000,
      },
    );
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? 1, out: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

it('check-data accepts the Drenthe plan and names every problem in a broken copy', async () => {
  const good = await marke(['check-data', 'data/regions/drenthe']);
  expect(good.code).toBe(0);
  expect(good.out).toContain('17 strategische doelen, 86 operationele doelen');
  const dir = await mkdtemp(path.join(tmpdir(), 'marke-cli-'));
  await cp('test/fixtures/regions/testland', dir, { recursive: true });
  const file = path.join(dir, 'opgaven/1-samen-testen.yaml');
  await writeFile(file, (await readFile(file, 'utf8')).replace('code: 2.1.1. A', 'code: 2.1.1.A'));
  const bad = await marke(['check-data', dir]);
  expect(bad.code).toBe(1);
  expect(bad.out).toContain(
    'opgaven/1-samen-testen.yaml › strategic_goals[0].operational_goals[0].code',
  );
  const one = await marke(['check-file', file]);
  expect(one.code).toBe(1);
});

it('seed loads the plans once and export writes JSON and one CSV per entity', async () => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'marke-cli-data-'));
  const env = { MARKE_DATA_DIR: dataDir };
  const first = await marke(['seed'], env);
  expect(first.code).toBe(0);
  expect(first.out).toContain('Plan drenthe: geïmporteerd');
  const second = await marke(['seed'], env);
  expect(second.out).toContain('Plan drenthe: ongewijzigd');
  const out = await mkdtemp(path.join(tmpdir(), 'marke-cli-out-'));
  const csv = await marke(['export', '--format', 'csv', '--out', path.join(out, 'csv')], env);
  expect(csv.code).toBe(0);
  expect((await readdir(path.join(out, 'csv'))).length).toBe(20);
  const json = await marke(
    ['export', '--format', 'json', '--out', path.join(out, 'plan.json')],
    env,
  );
  expect(json.code).toBe(0);
  const parsed = JSON.parse(await readFile(path.join(out, 'plan.json'), 'utf8')) as {
    entities: { operational_goals: unknown[] };
  };
  expect(parsed.entities.operational_goals).toHaveLength(86);
  const wrong = await marke(['export', '--format', 'xml'], env);
  expect(wrong.code).toBe(2);
  const admin = await marke(
    ['user:create', '--role', 'beheerder', '--email', 'beheer@example.org'],
    env,
  );
  expect(admin.code).toBe(0);
  expect(admin.out).toMatch(
    /http:\/\/localhost:\d+\/wachtwoord-instellen\?token=[A-Za-z0-9_-]{40,}/,
  );
  expect(
    (await marke(['user:create', '--role', 'beheerder', '--email', 'beheer@example.org'], env))
      .code,
  ).toBe(1);
  expect(
    (await marke(['user:create', '--role', 'baas', '--email', 'x@example.org'], env)).code,
  ).toBe(2);
}, 180_000);
