/**
 * Per-entity audit of a re-import: compares the region's export rows before and after the write
 * and returns one audit entry (before, after) per created, changed or removed entity.
 */
import type { PlanExport } from './plan-export.service.js';

export type AuditEntry = {
  action: 'create' | 'update' | 'delete';
  entityType: string;
  entityKey: string;
  before: unknown;
  after: unknown;
};

type Row = Record<string, unknown>;

/** Which export arrays are audited, under which entity type, keyed by which natural key. */
const AUDITED: Array<{ entity: keyof PlanExport; type: string; key: (row: Row) => string }> = [
  { entity: 'themes', type: 'theme', key: (r) => String(r.slug) },
  { entity: 'opgaven', type: 'opgave', key: (r) => String(r.slug) },
  { entity: 'strategic_goals', type: 'strategic_goal', key: (r) => String(r.code) },
  { entity: 'operational_goals', type: 'operational_goal', key: (r) => String(r.code) },
  { entity: 'programmes', type: 'programme', key: (r) => String(r.slug) },
  { entity: 'initiatives', type: 'initiative', key: (r) => String(r.slug) },
  { entity: 'organisations', type: 'organisation', key: (r) => String(r.slug) },
  { entity: 'governance_bodies', type: 'governance_body', key: (r) => String(r.slug) },
  { entity: 'glossary', type: 'glossary_entry', key: (r) => `${String(r.kind)}:${String(r.slug)}` },
  { entity: 'sections', type: 'plan_section', key: (r) => String(r.slug) },
  { entity: 'plan', type: 'plan', key: (r) => String(r.region) },
  { entity: 'guiding_threads', type: 'guiding_thread', key: (r) => String(r.slug) },
  { entity: 'sectors', type: 'sector', key: (r) => String(r.slug) },
  {
    entity: 'goal_relations',
    type: 'goal_relation',
    key: (r) => `${String(r.source_code)}→${String(r.target_code)}`,
  },
  {
    entity: 'goal_initiatives',
    type: 'goal_initiative',
    key: (r) => `${String(r.goal)}#${String(r.position)}`,
  },
  {
    entity: 'goal_initiators',
    type: 'goal_initiator',
    key: (r) => `${String(r.goal)}#${String(r.position)}`,
  },
  {
    entity: 'coalition_memberships',
    type: 'coalition_membership',
    key: (r) => `${String(r.organisation)}@${String(r.sector)}:${String(r.coalition)}`,
  },
  {
    entity: 'programme_partners',
    type: 'programme_partner',
    key: (r) => `${String(r.programme)}#${String(r.position)}`,
  },
  {
    entity: 'programme_contributions',
    type: 'programme_contribution',
    key: (r) => `${String(r.programme)}→${String(r.target_kind)}:${String(r.target_code)}`,
  },
  {
    entity: 'governance_roles',
    type: 'governance_role',
    key: (r) => `${String(r.body)}#${String(r.position)}`,
  },
];

function byKey(rows: ReadonlyArray<Row>, key: (row: Row) => string): Map<string, Row> {
  return new Map(rows.map((row) => [key(row), row]));
}

/** The differences between two snapshots of one region, as audit entries. */
export function diffSnapshots(before: PlanExport, after: PlanExport): AuditEntry[] {
  const entries: AuditEntry[] = [];
  for (const { entity, type, key } of AUDITED) {
    const old = byKey(before[entity] as ReadonlyArray<Row>, key);
    const now = byKey(after[entity] as ReadonlyArray<Row>, key);
    for (const [k, row] of now) {
      const previous = old.get(k);
      if (!previous)
        entries.push({
          action: 'create',
          entityType: type,
          entityKey: k,
          before: null,
          after: row,
        });
      else if (JSON.stringify(previous) !== JSON.stringify(row))
        entries.push({
          action: 'update',
          entityType: type,
          entityKey: k,
          before: previous,
          after: row,
        });
    }
    for (const [k, row] of old) {
      if (!now.has(k))
        entries.push({
          action: 'delete',
          entityType: type,
          entityKey: k,
          before: row,
          after: null,
        });
    }
  }
  return entries;
}
