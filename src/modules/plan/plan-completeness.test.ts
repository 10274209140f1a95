/**
 * Completeness: reads the customer's plan text and proves that every strategic goal (17), every
 * operational goal (86), every Bijlage B organisation with its sector and coalition, and all 8
 * programmes of Bijlage A are in the imported data.
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/db.js';
import { nameKey } from '../../lib/slug.js';
import { exportPlan, getRegion } from './index.js';

const SEED = readFileSync('data/regions/drenthe/source/regioplan-drenthe.txt', 'utf8');

function strategicCodesInSeed(): string[] {
  return [
    ...new Set([...SEED.matchAll(/^Strategisch doel (2\.\d\.\d)\.?\s*$/gm)].map((m) => m[1] ?? '')),
  ];
}

function chapter1CodesInSeed(): string[] {
  return [...new Set([...SEED.matchAll(/^(?:- )?(1\.\d\.\d) In 2040/gm)].map((m) => m[1] ?? ''))];
}

function operationalCodesInSeed(): string[] {
  return [
    ...new Set([...SEED.matchAll(/^(2\.\d\.\d)\.? ?([A-Z])\t/gm)].map((m) => `${m[1]}. ${m[2]}`)),
  ];
}

type CoalitionRow = { sector: string; leidend: string[]; breed: string[] };

/** Splits a Bijlage B cell: "A, B, 5D-samenwerking: C, D" → [A, B, 5D-samenwerking, C, D]. */
function splitCell(cell: string | undefined): string[] {
  if (!cell) return [];
  return cell
    .replace(/\.$/, '')
    .split(/,\s*|:\s+/)
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
}

function coalitionTableInSeed(): CoalitionRow[] {
  const start = SEED.indexOf('\tLeidende coalitie\tBrede coalitie');
  const end = SEED.indexOf('Bijlage B Governance', start);
  return SEED.slice(start, end)
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t'))
    .filter((cells) => cells.length >= 2 && (cells[0] ?? '').trim().length > 0)
    .map((cells) => ({
      sector: (cells[0] ?? '').trim(),
      leidend: splitCell(cells[1]),
      breed: splitCell(cells[2]),
    }));
}

function programmesInSeed(): string[] {
  const start = SEED.indexOf('Bijlage A Overzicht transformatie');
  const end = SEED.indexOf('Bijlage B Governance');
  return [...SEED.slice(start, end).matchAll(/^(\d)\. ([^\n]+)$/gm)].map((m) =>
    (m[2] ?? '').replace(/[\u00b9\u00b2\u00b3\u2070-\u209f]+/g, '').trim(),
  );
}

it('reads the expected numbers from the seed itself', () => {
  expect(strategicCodesInSeed()).toHaveLength(17);
  expect(chapter1CodesInSeed()).toHaveLength(17);
  expect(operationalCodesInSeed()).toHaveLength(86);
  expect(coalitionTableInSeed()).toHaveLength(14);
  expect(programmesInSeed()).toHaveLength(8);
});

describeEachDatabase('the imported Drenthe plan is complete', (get) => {
  const load = async () => {
    const region = await getRegion(get().db, 'drenthe');
    if (!region.ok) throw new Error('drenthe ontbreekt');
    return exportPlan(get().db, region.value);
  };

  it('has every strategic goal with both numberings', async () => {
    const data = await load();
    const codes = data.strategic_goals.map((g) => g.code).sort();
    expect(codes).toEqual(strategicCodesInSeed().sort());
    expect(data.strategic_goals.map((g) => g.chapter1_code).sort()).toEqual(
      chapter1CodesInSeed().sort(),
    );
  });

  it('has every operational goal of the seed', async () => {
    const data = await load();
    expect(data.operational_goals.map((g) => g.code).sort()).toEqual(
      operationalCodesInSeed().sort(),
    );
    for (const goal of data.operational_goals) {
      expect(goal.text !== null || goal.text_missing, `${goal.code} heeft tekst`).toBe(true);
    }
  });

  it('has every organisation of Bijlage B in its sector and coalition', async () => {
    const data = await load();
    const bySlug = new Map(data.organisations.map((o) => [o.slug, o]));
    const keyToSlug = new Map<string, string>();
    for (const o of data.organisations) {
      for (const name of [o.name, o.short_name, ...(o.aliases as string[])])
        if (name) keyToSlug.set(nameKey(name), o.slug);
    }
    const sectorByName = new Map(data.sectors.map((s) => [nameKey(s.name), s.slug]));
    const missing: string[] = [];
    for (const row of coalitionTableInSeed()) {
      const sector = sectorByName.get(nameKey(row.sector));
      expect(sector, `sector ${row.sector}`).toBeDefined();
      for (const coalition of ['leidend', 'breed'] as const) {
        for (const name of row[coalition]) {
          const slug = keyToSlug.get(nameKey(name));
          const member = data.coalition_memberships.some(
            (m) => m.organisation === slug && m.sector === sector && m.coalition === coalition,
          );
          if (!slug || !bySlug.has(slug) || !member)
            missing.push(`${row.sector} / ${coalition} / ${name}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('has all 8 programmes of Bijlage A', async () => {
    const data = await load();
    const names = data.programmes.map((p) => nameKey(p.name));
    for (const name of programmesInSeed()) expect(names, name).toContain(nameKey(name));
    expect(data.programmes).toHaveLength(8);
  });

  it('has the six opgaven, six themes and six rode draden', async () => {
    const data = await load();
    expect(data.opgaven).toHaveLength(6);
    expect(data.themes).toHaveLength(6);
    expect(data.guiding_threads).toHaveLength(6);
  });
});
