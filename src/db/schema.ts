/** Kysely table types. Keep in step with `migrations/`; SQL lives only in repositories and src/db. */
import type { MultiPolygon, Polygon } from 'geojson';
import type { ColumnType, Generated } from 'kysely';
import type { DirectoryTables } from './schema-directory.js';

/** A jsonb column: read as T, written as a JSON string (the pg driver would mangle JS arrays). */
export type Jsonb<T> = ColumnType<T, string, string>;
type CreatedAt = ColumnType<Date, string | undefined, never>;

export interface RegionTable {
  id: Generated<number>;
  code: string;
  name: string;
  cbs_code: string | null;
  created_at: CreatedAt;
}

export interface PlanTable {
  id: Generated<number>;
  region_id: number;
  title: string;
  subtitle: string | null;
  brand: string | null;
  version: string;
  published_on: string | null;
  source: string;
  ambition_name: string;
  ambition_text: string;
  ambition_horizon: number;
  overarching_title: string | null;
  overarching_blocks: Jsonb<unknown[]>;
  checksum: string;
  imported_at: ColumnType<Date, string | undefined, string>;
}

export interface ThemeTable {
  id: Generated<number>;
  region_id: number;
  number: number;
  slug: string;
  name: string;
  motto: string | null;
  ambition_2040: Jsonb<unknown[]>;
}

export interface GuidingThreadTable {
  id: Generated<number>;
  region_id: number;
  position: number;
  slug: string;
  name: string;
}

export interface OpgaveTable {
  id: Generated<number>;
  region_id: number;
  number: number;
  letter: string;
  slug: string;
  name: string;
  slogan: string;
  keywords: Jsonb<string[]>;
  why: Jsonb<unknown[]>;
  strategic_intro: Jsonb<unknown[]>;
  focus: Jsonb<unknown[]>;
  extra_sections: Jsonb<unknown[]>;
  chapter2_intro: string;
  chapter2_sections: Jsonb<unknown[]>;
}

export interface StrategicGoalTable {
  id: Generated<number>;
  region_id: number;
  opgave_id: number;
  code: string;
  chapter1_code: string;
  text_chapter1: string;
  text_chapter2: string;
  notes: Jsonb<unknown[]>;
  position: number;
}

export interface OperationalGoalTable {
  id: Generated<number>;
  region_id: number;
  strategic_goal_id: number;
  code: string;
  kind: 'operationeel_doel' | 'oplossingsrichting';
  label: string | null;
  text: string | null;
  text_missing: boolean;
  details: Jsonb<unknown[]>;
  planning: Jsonb<string[]>;
  deadline_year: number | null;
  deadline_note: string | null;
  target: string | null;
  inspiration_tbd: boolean;
  initiators_tbd: boolean;
  position: number;
}

export interface GoalRelationTable {
  region_id: number;
  source_code: string;
  target_code: string;
}

export interface InitiativeTable {
  id: Generated<number>;
  region_id: number;
  slug: string;
  name: string;
  aliases: Jsonb<string[]>;
  description: Jsonb<unknown[]>;
}

export interface OperationalGoalInitiativeTable {
  operational_goal_id: number;
  position: number;
  initiative_id: number;
  label: string;
}

export interface SectorTable {
  id: Generated<number>;
  region_id: number;
  slug: string;
  name: string;
  position: number;
}

export interface OrganisationTable {
  id: Generated<number>;
  region_id: number;
  slug: string;
  name: string;
  short_name: string | null;
  aliases: Jsonb<string[]>;
  is_group: boolean;
  sector_id: number | null;
  description: string | null;
}

export interface CoalitionMembershipTable {
  organisation_id: number;
  sector_id: number;
  coalition: 'leidend' | 'breed';
}

export interface PartyLinkTable {
  position: number;
  name: string;
  note: string | null;
  organisation_id: number | null;
  sector_id: Generated<number | null>;
}

export interface OperationalGoalInitiatorTable extends PartyLinkTable {
  operational_goal_id: number;
}

export interface ProgrammeTable {
  id: Generated<number>;
  region_id: number;
  number: number;
  slug: string;
  name: string;
  objective: Jsonb<unknown[]>;
  context: Jsonb<unknown[]>;
  contribution: Jsonb<unknown[]>;
  more_info: string | null;
}

export interface ProgrammePartnerTable extends PartyLinkTable {
  programme_id: number;
}

export interface ProgrammeContributionTable {
  programme_id: number;
  target_kind: 'goal' | 'opgave';
  target_code: string;
}

export interface GovernanceBodyTable {
  id: Generated<number>;
  region_id: number;
  slug: string;
  name: string;
  kind: string;
  theme_id: number | null;
  motto: string | null;
  description: Jsonb<unknown[]>;
  work_agenda: Jsonb<string[]>;
  position: number;
}

export interface GovernanceRoleTable {
  body_id: number;
  position: number;
  role: string;
  organisation_id: number | null;
  name: string | null;
  person: string | null;
  function: string | null;
  note: string | null;
}

export interface GlossaryEntryTable {
  id: Generated<number>;
  region_id: number;
  kind: 'begrip' | 'afkorting';
  slug: string;
  term: string;
  definition: Jsonb<unknown[]>;
  position: number;
}

export interface PlanSectionTable {
  id: Generated<number>;
  region_id: number;
  slug: string;
  chapter: string;
  title: string;
  blocks: Jsonb<unknown[]>;
  position: number;
}

export interface SearchDocumentTable {
  id: Generated<number>;
  region_id: number;
  entity_type: string;
  entity_key: string;
  title: string;
  summary: string;
  body: string;
  url_path: string;
  document: ColumnType<string, never, never>;
}

export interface PlanImportTable {
  id: Generated<number>;
  region_id: number;
  checksum: string;
  actor: string;
  counts: Jsonb<Record<string, number>>;
  imported_at: CreatedAt;
}

export interface AuditLogTable {
  id: Generated<string>;
  occurred_at: CreatedAt;
  actor: string;
  action: string;
  entity_type: string;
  entity_key: string;
  region_id: number | null;
  before: Jsonb<unknown> | null;
  after: Jsonb<unknown> | null;
}

export interface DataVersionTable {
  id: number;
  version: ColumnType<string, string, string>;
  changed_at: CreatedAt;
}

export type Role = 'beheerder' | 'trekker' | 'redacteur' | 'data' | 'lezer';

export interface AppUserTable {
  id: Generated<number>;
  region_id: number;
  email: string;
  name: Generated<string>;
  role: Role;
  organisation_id: number | null;
  password_hash: string | null;
  active: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, string | undefined, string>;
}

export interface UserSessionTable {
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: CreatedAt;
  expires_at: ColumnType<Date, string, string>;
}

export interface PasswordTokenTable {
  id: string;
  user_id: number;
  expires_at: ColumnType<Date, string, string>;
  used_at: ColumnType<Date | null, string | null, string | null>;
}

export interface LoginAttemptTable {
  key: string;
  failures: number;
  window_start: ColumnType<Date, string, string>;
  locked_until: ColumnType<Date | null, string | null, string | null>;
}

export type AgendaStatus =
  | 'niet_gestart'
  | 'loopt'
  | 'risico'
  | 'vertraagd'
  | 'afgerond'
  | 'gestopt';
export type Priority = 'must' | 'should' | 'could';

export interface AgendaItemTable {
  id: Generated<number>;
  operational_goal_id: number;
  priority: Priority | null;
  phase: string | null;
  planned_start: string | null;
  planned_end: string | null;
  status: Generated<AgendaStatus>;
  progress: Generated<number>;
  trekker_user_id: number | null;
  updated_at: ColumnType<Date, string | undefined, string>;
  updated_by: Generated<string>;
}

export interface AgendaOwnerTable {
  agenda_item_id: number;
  organisation_id: number;
}

export interface AgendaUpdateTable {
  id: Generated<number>;
  agenda_item_id: number;
  kind: Generated<'update' | 'besluit'>;
  /** Set when a monitoring round's decision made this entry (provenance). */
  decision_id: Generated<number | null>;
  occurred_on: string;
  text: string;
  author: string;
  created_at: CreatedAt;
}

export type AreaLevel =
  | 'land'
  | 'provincie'
  | 'ggd-regio'
  | 'zorgkantoorregio'
  | 'gemeente'
  | 'wijk'
  | 'buurt'
  /** A 4-digit postcode area (PC4), code `PC` + the digits (migration 0018). */
  | 'postcode';

export interface AreaTable {
  id: Generated<number>;
  region_id: number;
  code: string;
  name: string;
  level: AreaLevel;
  parent_code: string | null;
  /** False for an area of a national layer outside the region (migration 0017). */
  in_region: Generated<boolean>;
}

/** Which way is better; `neutraal` describes a situation (no target can be set). */
export type Direction = 'hoger' | 'lager' | 'neutraal';
export type Track = '2040' | 'cyclus';
export type Comparator = '>=' | '<=' | '=' | '>' | '<';
/** absolute: the value itself; relative: % change from the baseline; change: absolute change. */
export type TargetKind = 'absolute' | 'relative' | 'change';
/** numeric columns come back as strings from both drivers; repositories convert them. */
type Numeric = ColumnType<string, number | string, number | string>;
type NumericNull = ColumnType<string | null, number | string | null, number | string | null>;

export interface IndicatorTable {
  id: Generated<number>;
  region_id: number;
  code: string;
  name: string;
  description: string;
  numerator: string | null;
  denominator: string | null;
  unit: string;
  decimals: Generated<number>;
  direction: Direction;
  source: string;
  area_levels: Jsonb<string[]>;
  frequency: string;
  track: Track;
  is_public: Generated<boolean>;
  is_demo: Generated<boolean>;
  updated_at: ColumnType<Date, string | undefined, string>;
}

export interface IndicatorGoalTable {
  indicator_id: number;
  goal_code: string;
  contribution: Generated<string>;
}

export interface IndicatorTargetTable {
  id: Generated<number>;
  indicator_id: number;
  comparator: Comparator;
  kind: Generated<TargetKind>;
  value: Numeric;
  baseline_period: string | null;
  year: number;
  area_code: string;
  source: string;
  note: Generated<string>;
}

export interface MeasurementTable {
  id: Generated<string>;
  indicator_id: number;
  area_code: string;
  period: string;
  value: NumericNull;
  missing_reason: string | null;
  numerator: NumericNull;
  denominator: NumericNull;
  sample_size: number | null;
  ci_low: NumericNull;
  ci_high: NumericNull;
  source: string;
  note: Generated<string>;
  is_projection: Generated<boolean>;
  is_demo: Generated<boolean>;
  import_batch_id: number | null;
  /** Set by disclosure control (indicators.disclosure.ts); null means the figure may be shown. */
  suppressed: 'primary' | 'secondary' | null;
  /** The catalogue entry whose disclosure rules apply (null: the default rules). */
  data_source_id: number | null;
  /** Recomputed from the numerators and denominators of this many child areas (a roll-up). */
  rollup_children: number | null;
  /**
   * The figure as the map API shows it, a JSON array written by the database's own trigger on
   * every insert and update (disclosure/shown-figure.sql.ts); whatever a write puts here is replaced.
   */
  shown_figure: Generated<string | null>;
}

export interface SubregionTable {
  id: Generated<number>;
  region_id: number;
  code: string;
  name: string;
  description: Generated<string>;
}

export interface SubregionMemberTable {
  region_id: number;
  gemeente_code: string;
  subregion_id: number;
}

export interface DataSourceTable {
  id: Generated<number>;
  region_id: number;
  code: string;
  provider: string;
  dataset: string;
  licence: string;
  url: string | null;
  description: Generated<string>;
  refresh: string;
  threshold: Generated<number>;
  decimals: number | null;
  count_base: number | null;
  /** The saved column mapping of a wide import (see measurements-wide.ts). */
  import_mapping: Jsonb<unknown> | null;
  is_demo: Generated<boolean>;
  updated_by: string | null;
  updated_at: Generated<Date>;
}

export interface AreaBoundaryTable {
  region_id: number;
  area_code: string;
  year: number;
  level: string;
  name: string;
  /** A GeoJSON Polygon or MultiPolygon in WGS84 longitude/latitude. */
  geometry: Jsonb<Polygon | MultiPolygon>;
  source: string;
}

export interface SeedFileTable {
  region_id: number;
  name: string;
  checksum: string;
  loaded_at: CreatedAt;
}

/** Per code in `indicators.yaml`: its entry's checksum as last loaded; set once managed in beheer. */
export interface IndicatorSeedTable {
  region_id: number;
  code: string;
  checksum: string;
  loaded_at: ColumnType<Date, string | undefined, string>;
  managed_here_at: ColumnType<Date | null, string | null | undefined, string | null>;
  managed_here_by: string | null;
}

export interface MonitoringRoundTable {
  id: Generated<number>;
  region_id: number;
  code: string;
  title: string;
  status: Generated<'open' | 'afgesloten'>;
  is_public: Generated<boolean>;
  summary: Generated<string>;
  started_at: CreatedAt;
  started_by: string;
  closed_at: Date | null;
}

export interface RoundIndicatorSnapshotTable {
  round_id: number;
  indicator_code: string;
  indicator_name: string;
  is_public: boolean;
  unit: string;
  decimals: number;
  area_code: string;
  area_name: string;
  period: string | null;
  value: NumericNull;
  source: string;
  target_text: string;
  status: string;
  status_reason: string;
  is_projection: boolean;
  is_demo: boolean;
  goal_codes: Jsonb<string[]>;
}

export interface RoundAgendaSnapshotTable {
  round_id: number;
  goal_code: string;
  opgave_slug: string;
  status: string;
  priority: string | null;
  progress: number;
  planned_start: string | null;
  planned_end: string | null;
}

export interface RoundInterpretationTable {
  id: Generated<number>;
  round_id: number;
  subject_kind: 'opgave' | 'doel' | 'indicator';
  subject_key: string;
  text: string;
  author: string;
  author_role: string;
  created_at: CreatedAt;
}

export type Participant = { role: string; organisation: string };

export interface RoundDialogueTable {
  id: Generated<number>;
  round_id: number;
  held_on: string;
  participants: Jsonb<Participant[]>;
  notes: string;
  story_ids: Jsonb<number[]>;
  created_by: string;
  created_at: CreatedAt;
}

export type Evidence = { kind: 'duiding' | 'dialoog' | 'indicator' | 'verhaal'; ref: string };
export type DecisionChanges = {
  priority?: Priority | null;
  status?: AgendaStatus;
  planned_start?: string | null;
  planned_end?: string | null;
};

export interface RoundDecisionTable {
  id: Generated<number>;
  round_id: number;
  goal_code: string;
  reason: string;
  changes: Jsonb<DecisionChanges>;
  before: Jsonb<DecisionChanges>;
  evidence: Jsonb<Evidence[]>;
  decided_on: string;
  decided_by: string;
  created_at: CreatedAt;
}

export type ImportStatus = 'preview' | 'applied' | 'discarded';

export interface ImportBatchTable {
  id: Generated<number>;
  region_id: number;
  kind: string;
  filename: string;
  checksum: string;
  row_count: number;
  status: Generated<ImportStatus>;
  payload: Jsonb<unknown>;
  created_by: string;
  created_at: CreatedAt;
  applied_at: Date | null;
  applied_by: string | null;
}

export type StoryRole = 'inwoner' | 'professional' | 'mantelzorger';
export type StoryStatus = 'concept' | 'ingediend' | 'gepubliceerd' | 'afgewezen';
export type ConsentBy = 'verteller' | 'vertegenwoordiger';
export type ConsentMethod = 'mondeling' | 'schriftelijk' | 'digitaal';

export interface StoryTable {
  id: Generated<number>;
  region_id: number;
  organisation_id: number | null;
  text: string;
  role: StoryRole;
  told_on: string;
  area_code: string;
  opgave_slugs: Jsonb<string[]>;
  goal_codes: Jsonb<string[]>;
  target_groups: Jsonb<string[]>;
  consent_by: ConsentBy;
  consent_method: ConsentMethod;
  consent_recorded_by: string;
  consent_on: string;
  privacy_confirmed: Generated<boolean>;
  status: Generated<StoryStatus>;
  rejection_reason: string | null;
  published_by: string | null;
  published_at: ColumnType<Date | null, string | null | undefined, string | null>;
  created_by: string;
  created_at: CreatedAt;
  updated_by: string;
  updated_at: ColumnType<Date, string | undefined, string>;
  is_demo: Generated<boolean>;
}

export type ProcessNoteSubject = 'opgave' | 'governance' | 'samenwerking';

export interface ProcessNoteTable {
  id: Generated<number>;
  region_id: number;
  noted_on: string;
  subject_kind: ProcessNoteSubject;
  subject_key: string | null;
  text: string;
  is_public: Generated<boolean>;
  written_by: string;
  author_name: string;
  created_at: CreatedAt;
  updated_by: string;
  updated_at: ColumnType<Date, string | undefined, string>;
}

export interface PanelQuestionTable {
  id: Generated<number>;
  region_id: number;
  question: string;
  options: Jsonb<string[]>;
  source: string;
  published: Generated<boolean>;
  is_demo: Generated<boolean>;
  created_by: string;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, string | undefined, string>;
}

export interface PanelResultTable {
  question_id: number;
  period: string;
  area_code: string;
  option: string;
  count: number;
}

export interface Database extends DirectoryTables {
  agenda_item: AgendaItemTable;
  agenda_owner: AgendaOwnerTable;
  agenda_update: AgendaUpdateTable;
  app_user: AppUserTable;
  user_session: UserSessionTable;
  password_token: PasswordTokenTable;
  login_attempt: LoginAttemptTable;
  region: RegionTable;
  plan: PlanTable;
  theme: ThemeTable;
  guiding_thread: GuidingThreadTable;
  opgave: OpgaveTable;
  strategic_goal: StrategicGoalTable;
  operational_goal: OperationalGoalTable;
  goal_relation: GoalRelationTable;
  initiative: InitiativeTable;
  operational_goal_initiative: OperationalGoalInitiativeTable;
  sector: SectorTable;
  organisation: OrganisationTable;
  coalition_membership: CoalitionMembershipTable;
  operational_goal_initiator: OperationalGoalInitiatorTable;
  programme: ProgrammeTable;
  programme_partner: ProgrammePartnerTable;
  programme_contribution: ProgrammeContributionTable;
  governance_body: GovernanceBodyTable;
  governance_role: GovernanceRoleTable;
  glossary_entry: GlossaryEntryTable;
  plan_section: PlanSectionTable;
  search_document: SearchDocumentTable;
  plan_import: PlanImportTable;
  audit_log: AuditLogTable;
  import_batch: ImportBatchTable;
  area: AreaTable;
  area_boundary: AreaBoundaryTable;
  data_source: DataSourceTable;
  subregion: SubregionTable;
  subregion_member: SubregionMemberTable;
  indicator: IndicatorTable;
  indicator_goal: IndicatorGoalTable;
  indicator_target: IndicatorTargetTable;
  measurement: MeasurementTable;
  seed_file: SeedFileTable;
  indicator_seed: IndicatorSeedTable;
  monitoring_round: MonitoringRoundTable;
  round_indicator_snapshot: RoundIndicatorSnapshotTable;
  round_agenda_snapshot: RoundAgendaSnapshotTable;
  round_interpretation: RoundInterpretationTable;
  round_dialogue: RoundDialogueTable;
  round_decision: RoundDecisionTable;
  story: StoryTable;
  process_note: ProcessNoteTable;
  panel_question: PanelQuestionTable;
  panel_result: PanelResultTable;
  data_version: DataVersionTable;
}
