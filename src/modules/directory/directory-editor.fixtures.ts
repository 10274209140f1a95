/** Test input shared by the editor tests of this module (not used by the app). */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { stableId } from './directory-ids.js';

/** The seeded directory organisation and listing of GGZ Drenthe (plan organisation ggz-drenthe). */
export const GGZ_ORGANIZATION = stableId('organization', 'drenthe', 'ggz-drenthe');
export const GGZ_APP = stableId('service', 'drenthe', 'mantelzorg-app-ggz-drenthe');
export const ALTIDE_APP = stableId('service', 'drenthe', 'thuismeten-app-altide');

/** A listing form that passes every check; tests change one field at a time. */
export function validListing(
  csrf: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    _csrf: csrf,
    organisatie: GGZ_ORGANIZATION,
    naam: 'Inloopspreekuur mantelzorg Assen',
    beschrijving: 'Een gesprek over wat je als mantelzorger nodig hebt, zonder afspraak.',
    voor_wie: 'Mantelzorgers in Assen.',
    'hulpvraag:mantelzorg': 'on',
    ladder: 'dichtbij',
    'gebied:GM0106': 'on',
    kosten: 'gratis',
    email: 'mantelzorg@example.org',
    website: 'https://example.org/mantelzorg',
    telefoon_1: '0592 123456',
    telefoon_1_label: 'maandag tot en met vrijdag',
    wanneer: 'Elke dinsdag van 10.00 tot 12.00 uur.',
    adres_straat: 'Voorbeeldstraat 1',
    adres_postcode: '9401ab',
    adres_plaats: 'Assen',
    doelen: '2.2.2.c',
    actie: 'opslaan',
    ...extra,
  };
}

/** Counts that must not move when a form is refused. */
export async function editorCounts(db: Kysely<Database>) {
  const count = async (table: 'hsds_service' | 'hsds_metadata' | 'audit_log' | 'hsds_phone') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirst()
      )?.n ?? 0,
    );
  return {
    services: await count('hsds_service'),
    metadata: await count('hsds_metadata'),
    audit: await count('audit_log'),
    phones: await count('hsds_phone'),
  };
}
