/**
 * Cross-file checks on validated plan files: unique codes and slugs, goal codes that fit
 * their opgave, and every reference (goal, organisation, theme, opgave) pointing somewhere real.
 */
import type { PlanFileError, PlanFiles } from './plan.types.js';

type Collector = { errors: PlanFileError[] };

function report(c: Collector, file: string, path: string, message: string): void {
  c.errors.push({ file, path, message });
}

function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  const dupes = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) dupes.add(value);
    seen.add(value);
  }
  return [...dupes];
}

function collectGoalCodes(files: PlanFiles, c: Collector): Set<string> {
  const codes: string[] = [];
  for (const { file, data } of files.opgaven) {
    data.strategic_goals.forEach((goal, gi) => {
      const prefix = `2.${data.number}.`;
      if (!goal.code.startsWith(prefix)) {
        report(
          c,
          file,
          `strategic_goals[${gi}].code`,
          `${goal.code} hoort niet bij opgave ${data.number}`,
        );
      }
      if (goal.chapter1_code !== `1.${goal.code.slice(2)}`) {
        report(
          c,
          file,
          `strategic_goals[${gi}].chapter1_code`,
          `hoort ${`1.${goal.code.slice(2)}`} te zijn`,
        );
      }
      codes.push(goal.code);
      goal.operational_goals.forEach((op, oi) => {
        if (!op.code.startsWith(`${goal.code}. `)) {
          report(
            c,
            file,
            `strategic_goals[${gi}].operational_goals[${oi}].code`,
            `${op.code} hoort niet bij ${goal.code}`,
          );
        }
        codes.push(op.code);
      });
    });
  }
  for (const code of duplicates(codes))
    report(c, 'opgaven/', '', `doelcode ${code} komt vaker voor`);
  return new Set(codes);
}

function checkGoalReferences(
  files: PlanFiles,
  goals: Set<string>,
  orgs: Set<string>,
  c: Collector,
): void {
  for (const { file, data } of files.opgaven) {
    data.strategic_goals.forEach((goal, gi) => {
      for (const ref of goal.related) {
        if (!goals.has(ref))
          report(c, file, `strategic_goals[${gi}].related`, `doel ${ref} bestaat niet`);
      }
      goal.operational_goals.forEach((op, oi) => {
        const at = `strategic_goals[${gi}].operational_goals[${oi}]`;
        for (const ref of op.related) {
          if (!goals.has(ref)) report(c, file, `${at}.related`, `doel ${ref} bestaat niet`);
          if (ref === op.code)
            report(c, file, `${at}.related`, 'een doel hangt niet samen met zichzelf');
        }
        if (Array.isArray(op.initiators)) {
          op.initiators.forEach((party, pi) => {
            if (typeof party !== 'string' && party.organisation && !orgs.has(party.organisation)) {
              report(
                c,
                file,
                `${at}.initiators[${pi}].organisation`,
                `organisatie ${party.organisation} bestaat niet`,
              );
            }
          });
        }
      });
    });
  }
}

function checkOrganisations(files: PlanFiles, c: Collector): Set<string> {
  const file = 'organisations.yaml';
  const slugs = files.organisations.organisations.map((o) => o.slug);
  for (const slug of duplicates(slugs))
    report(c, file, 'organisations', `slug ${slug} komt vaker voor`);
  const known = new Set(slugs);
  files.organisations.sectors.forEach((sector, si) => {
    for (const key of ['leidend', 'breed'] as const) {
      for (const slug of sector[key]) {
        if (!known.has(slug))
          report(c, file, `sectors[${si}].${key}`, `organisatie ${slug} bestaat niet`);
      }
    }
  });
  for (const slug of duplicates(files.organisations.sectors.map((s) => s.slug))) {
    report(c, file, 'sectors', `sector ${slug} komt vaker voor`);
  }
  return known;
}

function checkProgrammes(
  files: PlanFiles,
  goals: Set<string>,
  orgs: Set<string>,
  c: Collector,
): void {
  const opgaven = new Set(files.opgaven.map((o) => o.data.slug));
  files.programmes.forEach((programme, pi) => {
    for (const code of programme.contributes_to.goals) {
      if (!goals.has(code))
        report(
          c,
          'programmes.yaml',
          `programmes[${pi}].contributes_to.goals`,
          `doel ${code} bestaat niet`,
        );
    }
    for (const slug of programme.contributes_to.opgaven) {
      if (!opgaven.has(slug))
        report(
          c,
          'programmes.yaml',
          `programmes[${pi}].contributes_to.opgaven`,
          `opgave ${slug} bestaat niet`,
        );
    }
    programme.partners.forEach((party, i) => {
      if (typeof party !== 'string' && party.organisation && !orgs.has(party.organisation)) {
        report(
          c,
          'programmes.yaml',
          `programmes[${pi}].partners[${i}].organisation`,
          `organisatie ${party.organisation} bestaat niet`,
        );
      }
    });
  });
  for (const slug of duplicates(files.programmes.map((p) => p.slug))) {
    report(c, 'programmes.yaml', 'programmes', `slug ${slug} komt vaker voor`);
  }
}

function checkGovernance(files: PlanFiles, orgs: Set<string>, c: Collector): void {
  const themes = new Set(files.region.themes.map((t) => t.slug));
  files.governance.bodies.forEach((body, bi) => {
    if (body.theme && !themes.has(body.theme)) {
      report(c, 'governance.yaml', `bodies[${bi}].theme`, `thema ${body.theme} bestaat niet`);
    }
    body.roles.forEach((role, ri) => {
      if (role.organisation && !orgs.has(role.organisation)) {
        report(
          c,
          'governance.yaml',
          `bodies[${bi}].roles[${ri}].organisation`,
          `organisatie ${role.organisation} bestaat niet`,
        );
      }
    });
  });
  for (const slug of duplicates(files.governance.bodies.map((b) => b.slug))) {
    report(c, 'governance.yaml', 'bodies', `slug ${slug} komt vaker voor`);
  }
}

function checkSlugs(files: PlanFiles, c: Collector): void {
  for (const slug of duplicates(files.opgaven.map((o) => o.data.slug)))
    report(c, 'opgaven/', '', `opgave-slug ${slug} komt vaker voor`);
  for (const n of duplicates(files.opgaven.map((o) => String(o.data.number))))
    report(c, 'opgaven/', '', `opgavenummer ${n} komt vaker voor`);
  for (const slug of duplicates(files.sections.map((s) => s.slug)))
    report(c, 'sections.yaml', 'sections', `slug ${slug} komt vaker voor`);
  for (const slug of duplicates(files.initiatives.map((s) => s.slug)))
    report(c, 'initiatives.yaml', 'initiatives', `slug ${slug} komt vaker voor`);
  for (const slug of duplicates(files.region.themes.map((t) => t.slug)))
    report(c, 'region.yaml', 'themes', `thema ${slug} komt vaker voor`);
}

/** Returns every broken reference or duplicate across the plan files. */
export function checkReferences(files: PlanFiles): PlanFileError[] {
  const c: Collector = { errors: [] };
  const goals = collectGoalCodes(files, c);
  const orgs = checkOrganisations(files, c);
  checkGoalReferences(files, goals, orgs, c);
  checkProgrammes(files, goals, orgs, c);
  checkGovernance(files, orgs, c);
  checkSlugs(files, c);
  return c.errors;
}
