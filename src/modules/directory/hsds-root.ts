/**
 * The answer of the HSDS API's `/`: the HSDS version, where the profile is described, the OpenAPI
 * document, and the Dutch profile itself in short (ADR 0016), so a consumer can read the
 * attributes without first finding the documentation.
 */
import { taxonomyId, termId } from './directory-ids.js';
import { LADDER_TAXONOMY, loadProfile, PROFILE_TAXONOMY } from './profile.js';
import { HIDDEN_AFTER_MONTHS } from './visibility.sql.js';

/** The HSDS version this API follows. */
export const HSDS_VERSION = '3.0';
/** Anchor of the profile's description on the open-data page. */
export const PROFILE_ANCHOR = 'hulpwijzer-hsds';

export function hsdsRoot(input: {
  /** Scheme, host and port of the request, for absolute URLs. */
  origin: string;
  /** The region's open-data page (path). */
  profilePath: string;
  region: { code: string; name: string };
}) {
  const { profile } = loadProfile();
  return {
    version: HSDS_VERSION,
    profile: `${input.origin}${input.profilePath}#${PROFILE_ANCHOR}`,
    openapi_url: `${input.origin}/api/openapi.json`,
    marke_profile: {
      name: 'Marke Hulpwijzer-profiel (Nederland)',
      version: profile.version,
      region: { code: input.region.code, name: input.region.name },
      description:
        'Hulp voor inwoners in hun eigen woorden, van dichtbij naar verder weg. Drie taxonomieën: hulpvraag (wat iemand zoekt), hulpladder (zelf, samen, dichtbij, eerste lijn, verder weg) en marke-profiel (kenmerken met een waarde). Elke dienst heeft precies één hulpladder-attribuut en één of meer hulpvraag-attributen.',
      taxonomies: profile.taxonomies.map((t) => ({
        id: taxonomyId(t.code),
        code: t.code,
        name: t.name,
        description: t.description,
      })),
      ladder: profile.ladder.map((step) => ({
        taxonomy_term_id: termId(LADDER_TAXONOMY, step.code),
        code: step.code,
        name: step.name,
      })),
      attributes: profile.profileTerms.map((term) => ({
        taxonomy_term_id: termId(PROFILE_TAXONOMY, term.code),
        code: term.code,
        name: term.name,
        description: term.description,
      })),
      area_codes:
        'Het werkgebied van een dienst staat als attribuut cbs-gebiedscode op elk service_area: een CBS-code van een gemeente (GM en 4 cijfers), wijk (WK en 6 cijfers) of buurt (BU en 8 cijfers), "regio" voor de hele regio of "online".',
      visibility: `Alleen goedgekeurde, actieve diensten die in de laatste ${HIDDEN_AFTER_MONTHS} maanden zijn gecontroleerd (of, nog nooit gecontroleerd, zijn aangemaakt). Wie een vermelding indiende of beoordeelde staat er niet in.`,
      demo: 'Verzonnen voorbeeldvermeldingen (dienst, organisatie, locatie) hebben het attribuut voorbeeld met de waarde "ja". Het zijn geen echte diensten.',
    },
  };
}
