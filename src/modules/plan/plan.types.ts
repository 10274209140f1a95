/** Domain types of the plan module. File schemas live in `plan-files.schema.ts`. */
import type {
  GlossaryData,
  GovernanceData,
  InitiativeData,
  OpgaveData,
  OrganisationsData,
  ProgrammeData,
  RegionData,
  SectionData,
} from './plan-files.schema.js';

/** One problem in a plan data file: which file, where inside it, and what is wrong (Dutch). */
export type PlanFileError = { file: string; path: string; message: string };

/** All plan files of one region, validated, with a checksum over their bytes. */
export type PlanFiles = {
  region: RegionData;
  organisations: OrganisationsData;
  programmes: ProgrammeData[];
  governance: GovernanceData;
  glossary: GlossaryData;
  sections: SectionData[];
  initiatives: InitiativeData[];
  opgaven: { file: string; data: OpgaveData }[];
  checksum: string;
};

/**
 * Werkagenda progress as the plan's goal and opgave pages show it. The plan module defines these
 * shapes and the agenda module fills them in: the agenda module imports the plan module, so the
 * plan module must never import the agenda module (no cycle). The app passes the provider to
 * `planRoutes`; without one the pages simply leave the werkagenda out.
 */
export type AgendaPart = {
  code: string;
  /** Weighted or own progress in percent; null when nothing is filled in yet. */
  progress: number | null;
  /** Dutch labels, already translated by the agenda module. */
  status?: string;
  priority?: string | null;
};

/** A strategic goal's or opgave's roll-up, the rule behind it, and the parts it is made of. */
export type AgendaRollUp = { progress: number | null; rule: string; parts: AgendaPart[] };

/** One operational goal on the werkagenda: its state, owners and latest dated updates. */
export type AgendaGoalDetail = AgendaPart & {
  status: string;
  phase: string | null;
  planned: string | null;
  owners: Array<{ slug: string; name: string }>;
  updates: Array<{ occurredOn: string; kind: 'update' | 'besluit'; text: string }>;
};

export type AgendaProvider = {
  strategicGoal(regionId: number, code: string): Promise<AgendaRollUp>;
  opgave(regionId: number, slug: string): Promise<AgendaRollUp>;
  operationalGoal(regionId: number, code: string): Promise<AgendaGoalDetail | undefined>;
};
