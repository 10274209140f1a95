/**
 * Panel results as every output shows them (HTML, JSON, CSV): distributions per period and area
 * after disclosure control, so a suppressed distribution carries no counts and no n anywhere.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { areaIndex } from '../areas/index.js';
import { applyDisclosureControl, type RawDistribution } from './panel.disclosure.js';
import * as repo from './panel.repository.js';
import { PANEL_MIN_RESPONDENTS } from './stories.types.js';

type Db = Kysely<Database>;

export const SUPPRESSED_TEXT = 'te weinig antwoorden';
/** A distribution with enough answers, hidden so a small neighbour cannot be recomputed. */
export const PROTECTED_TEXT = 'verborgen om een klein aantal elders te beschermen';

export type PanelDistribution = {
  period: string;
  area: { code: string; name: string; level: string };
  suppressed: boolean;
  /** What a suppressed distribution shows instead of figures; null when shown. */
  status: string | null;
  /** Respondents; null when suppressed. */
  n: number | null;
  counts: Array<{ option: string; count: number | null; percent: number | null }>;
};

export type PanelQuestionView = {
  id: number;
  question: string;
  options: string[];
  source: string;
  published: boolean;
  isDemo: boolean;
  periods: string[];
  distributions: PanelDistribution[];
};

const LEVEL_ORDER: Record<string, number> = { provincie: 0, gemeente: 1, wijk: 2, buurt: 3 };

/** Period descending, then province before gemeenten before wijken, then by code. */
function compare(a: PanelDistribution, b: PanelDistribution): number {
  return (
    b.period.localeCompare(a.period) ||
    (LEVEL_ORDER[a.area.level] ?? 9) - (LEVEL_ORDER[b.area.level] ?? 9) ||
    a.area.code.localeCompare(b.area.code)
  );
}

/**
 * Panel questions of a region with their distributions after disclosure control. Public pages and
 * the API pass `publishedOnly`; the monitoring round can ask for one question.
 */
export async function listPanelResults(
  db: Db,
  regionId: number,
  filter: { publishedOnly?: boolean; questionId?: number } = {},
): Promise<PanelQuestionView[]> {
  const questions = (await repo.listQuestions(db, regionId, filter.publishedOnly ?? false)).filter(
    (q) => filter.questionId === undefined || q.id === filter.questionId,
  );
  const [results, areas] = await Promise.all([
    repo.listResults(
      db,
      questions.map((q) => q.id),
    ),
    areaIndex(db, regionId),
  ]);
  return questions.map((q) => {
    const raw = new Map<string, RawDistribution>();
    for (const r of results.filter((row) => row.question_id === q.id)) {
      const key = `${r.period}|${r.area_code}`;
      const d = raw.get(key) ?? {
        period: r.period,
        areaCode: r.area_code,
        counts: q.options.map(() => 0),
      };
      const index = q.options.indexOf(r.option);
      if (index >= 0) d.counts[index] = r.count;
      raw.set(key, d);
    }
    const checked = applyDisclosureControl(
      [...raw.values()],
      (code) => areas.get(code)?.parentCode,
    );
    const distributions = checked
      .map((d): PanelDistribution => {
        const area = areas.get(d.areaCode);
        return {
          period: d.period,
          area: { code: d.areaCode, name: area?.name ?? d.areaCode, level: area?.level ?? '' },
          suppressed: d.suppressed,
          status: d.reason === 'te-weinig' ? SUPPRESSED_TEXT : d.reason ? PROTECTED_TEXT : null,
          n: d.suppressed ? null : d.n,
          counts: q.options.map((option, i) => ({
            option,
            count: d.suppressed ? null : (d.counts[i] ?? 0),
            percent:
              d.suppressed || d.n === 0 ? null : Math.round(((d.counts[i] ?? 0) / d.n) * 100),
          })),
        };
      })
      .sort(compare);
    return {
      id: q.id,
      question: q.question,
      options: q.options,
      source: q.source,
      published: q.published,
      isDemo: q.is_demo,
      periods: [...new Set(distributions.map((d) => d.period))],
      distributions,
    };
  });
}

export const PANEL_EXPORT_COLUMNS = [
  'question_id',
  'period',
  'area_code',
  'option',
  'count',
  'status',
] as const;

/**
 * CSV rows: the import's columns (period, area_code, option, count) plus the question and a
 * status; a suppressed distribution has empty counts and says why ("te weinig antwoorden").
 */
export function panelExportRows(questions: PanelQuestionView[]) {
  return questions.flatMap((q) =>
    q.distributions.flatMap((d) =>
      d.counts.map((c) => ({
        question_id: q.id,
        period: d.period,
        area_code: d.area.code,
        option: c.option,
        count: c.count ?? '',
        status: d.status ?? '',
      })),
    ),
  );
}

export const PANEL_RULE = `Minder dan ${PANEL_MIN_RESPONDENTS} antwoorden in een gebied en periode? Dan tonen we die verdeling niet ("${SUPPRESSED_TEXT}"). Soms verbergen we ook een buurgebied ("${PROTECTED_TEXT}"), zodat het kleine aantal niet terug te rekenen is.`;
