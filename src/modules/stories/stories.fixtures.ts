/** Test input shared by the route tests of this module (not used by the app). */

/** A story form that passes every check; tests change one field at a time. */
export function validStory(
  csrf: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    _csrf: csrf,
    text: 'Sinds de koffieochtend in het dorpshuis kom ik weer onder de mensen. De wijkverpleegkundige wees me erop.',
    role: 'inwoner',
    told_on: '2025-03',
    area: 'GM0106',
    'opgave:sterke-sociale-basis': 'on',
    goals: '2.1.1.a',
    'doelgroep:ouderen': 'on',
    consent_by: 'verteller',
    consent_method: 'mondeling',
    consent_recorded_by: 'wijkverpleegkundige, zorgorganisatie',
    consent_on: '2025-03-14',
    actie: 'indienen',
    ...extra,
  };
}
