/**
 * Pure mapping from validated plan files to what the import writes: party references resolved
 * to organisations, inspiration lines merged into initiatives, and search documents.
 */
import { blocksToText, excerpt } from '../../lib/blocks.js';
import { nameKey, slugify } from '../../lib/slug.js';
import { goalCodeToSegment } from './goal-codes.js';
import type { PlanFiles } from './plan.types.js';
import type { PartyRefData } from './plan-files.schema.js';
import type { InitiativeRow, PartyLink, SearchRow } from './plan-import-links.repository.js';

/** Index of organisation names, short names and aliases → slug, for matching free-text references. */
export function organisationIndex(files: PlanFiles): Map<string, string> {
  const index = new Map<string, string>();
  for (const org of files.organisations.organisations) {
    for (const name of [org.slug, org.name, org.short_name, ...org.aliases]) {
      if (name) index.set(nameKey(name), org.slug);
    }
  }
  return index;
}

/** Index of sector names and group aliases ("Gemeenten", "Welzijn") → sector slug. */
export function sectorIndex(files: PlanFiles): Map<string, string> {
  const index = new Map<string, string>();
  for (const sector of files.organisations.sectors) {
    for (const name of [sector.slug, sector.name, ...sector.aliases])
      index.set(nameKey(name), sector.slug);
  }
  return index;
}

export type PartyIndexes = {
  organisations: Map<string, string>;
  sectors: Map<string, string>;
  organisationIds: Map<string, number>;
  sectorIds: Map<string, number>;
};

/**
 * Resolves a party named in the plan: first to one organisation (by name, or the part before
 * brackets), else to a whole sector named as a group ("Verpleging Verzorging en Thuiszorg
 * (Drentse VVT Partijen)" → sector Drentse VVT Partijen). Unmatched names stay plain text.
 */
export function resolveParty(party: PartyRefData, indexes: PartyIndexes): PartyLink {
  const name = typeof party === 'string' ? party : party.name;
  const note = typeof party === 'string' ? null : (party.note ?? null);
  const explicit = typeof party === 'string' ? undefined : party.organisation;
  const beforeBracket = name.split('(')[0] ?? name;
  const inBracket = /\(([^)]+)\)/.exec(name)?.[1] ?? '';
  const orgSlug =
    explicit ??
    indexes.organisations.get(nameKey(name)) ??
    indexes.organisations.get(nameKey(beforeBracket));
  if (orgSlug)
    return {
      name,
      note,
      organisationId: indexes.organisationIds.get(orgSlug) ?? null,
      sectorId: null,
    };
  const sectorSlug =
    indexes.sectors.get(nameKey(name)) ??
    indexes.sectors.get(nameKey(inBracket)) ??
    indexes.sectors.get(nameKey(beforeBracket));
  return {
    name,
    note,
    organisationId: null,
    sectorId: sectorSlug ? (indexes.sectorIds.get(sectorSlug) ?? null) : null,
  };
}

/** Merges the catalogue with every inspiration line; returns initiative rows and line → slug. */
export function initiativeCatalogue(files: PlanFiles): {
  rows: InitiativeRow[];
  slugOf: (line: string) => string;
} {
  const rows = new Map<string, InitiativeRow>();
  const byKey = new Map<string, string>();
  for (const item of files.initiatives) {
    rows.set(item.slug, {
      slug: item.slug,
      name: item.name,
      aliases: item.aliases,
      description: item.description,
    });
    for (const name of [item.name, ...item.aliases]) byKey.set(nameKey(name), item.slug);
  }
  const slugOf = (line: string): string => byKey.get(nameKey(line)) ?? slugify(line).slice(0, 80);
  for (const goal of allOperationalGoals(files)) {
    if (!Array.isArray(goal.inspiration)) continue;
    for (const line of goal.inspiration) {
      const slug = slugOf(line);
      if (!rows.has(slug)) rows.set(slug, { slug, name: line, aliases: [], description: [] });
    }
  }
  return { rows: [...rows.values()], slugOf };
}

/** Every operational goal of the plan, in plan order. */
export function allOperationalGoals(files: PlanFiles) {
  return files.opgaven.flatMap((o) => o.data.strategic_goals.flatMap((g) => g.operational_goals));
}

/** Every "hangt samen met" pair declared in the files, as (source, target). */
export function relationPairs(files: PlanFiles): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const { data } of files.opgaven) {
    for (const goal of data.strategic_goals) {
      for (const target of goal.related) pairs.push([goal.code, target]);
      for (const op of goal.operational_goals) {
        for (const target of op.related) pairs.push([op.code, target]);
      }
    }
  }
  return pairs;
}

function doc(type: string, key: string, title: string, body: string, url: string): SearchRow {
  return { entity_type: type, entity_key: key, title, summary: excerpt(body), body, url_path: url };
}

/** Search documents for every plan entity a resident or professional may look for. */
export function searchDocuments(files: PlanFiles, initiatives: InitiativeRow[]): SearchRow[] {
  const docs: SearchRow[] = [];
  for (const { data: o } of files.opgaven) {
    const body = [
      o.slogan,
      blocksToText(o.why),
      ...o.focus.map((f) => `${f.title}\n${blocksToText(f.blocks)}`),
    ].join('\n\n');
    docs.push(doc('opgave', o.slug, o.name, body, `/opgaven/${o.slug}`));
    for (const g of o.strategic_goals) {
      docs.push(
        doc(
          'strategisch_doel',
          g.code,
          `${g.code} ${excerpt(g.text_chapter2, 90)}`,
          g.text_chapter2,
          `/doelen/${g.code}`,
        ),
      );
      for (const op of g.operational_goals) {
        const text = op.text ?? 'De tekst van dit doel ontbreekt in de bron.';
        // Named initiatives and parties make a goal findable by them ("GGD", "Assen Bloeit").
        const parties = Array.isArray(op.initiators)
          ? op.initiators.map((p) => (typeof p === 'string' ? p : p.name))
          : [];
        const inspiration = Array.isArray(op.inspiration) ? op.inspiration : [];
        const body = [
          op.label ?? '',
          text,
          blocksToText(op.details),
          op.target ?? '',
          ...parties,
          ...inspiration,
        ].join('\n\n');
        docs.push(
          doc(
            'operationeel_doel',
            op.code,
            `${op.code} ${excerpt(op.label ?? text, 90)}`,
            body,
            `/doelen/${goalCodeToSegment(op.code)}`,
          ),
        );
      }
    }
  }
  for (const p of files.programmes) {
    const body = [
      blocksToText(p.objective),
      blocksToText(p.context),
      blocksToText(p.contribution),
    ].join('\n\n');
    docs.push(doc('programma', p.slug, p.name, body, `/programmas/${p.slug}`));
  }
  for (const org of files.organisations.organisations) {
    const body = [org.short_name ?? '', ...org.aliases, org.description ?? ''].join('\n');
    docs.push(doc('organisatie', org.slug, org.name, body, `/organisaties/${org.slug}`));
  }
  for (const i of initiatives) {
    docs.push(
      doc(
        'initiatief',
        i.slug,
        i.name,
        [i.aliases.join('\n'), blocksToText(i.description)].join('\n\n'),
        `/initiatieven/${i.slug}`,
      ),
    );
  }
  for (const t of files.glossary.terms) {
    docs.push(
      doc(
        'begrip',
        slugify(t.term),
        t.term,
        blocksToText(t.definition),
        `/begrippen#${slugify(t.term)}`,
      ),
    );
  }
  for (const a of files.glossary.abbreviations) {
    docs.push(
      doc(
        'afkorting',
        slugify(a.abbreviation),
        a.abbreviation,
        a.meaning,
        `/begrippen#afk-${slugify(a.abbreviation)}`,
      ),
    );
  }
  for (const s of files.sections) {
    docs.push(doc('tekst', s.slug, s.title, blocksToText(s.blocks), `/plan/${s.slug}`));
  }
  for (const t of files.region.themes) {
    docs.push(
      doc(
        'thema',
        t.slug,
        t.name,
        [t.motto ?? '', blocksToText(t.ambition_2040)].join('\n\n'),
        `/themas/${t.slug}`,
      ),
    );
  }
  return docs;
}
