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
