/** One service as a resident reads it: what, for whom, costs, contact, when and how far. */

import { DemoTag } from '../../../web/components.js';
import type { Nearness, ServiceHit } from '../search.service.js';
import { telHref } from './crisis.js';

/** The ladder steps as residents read them. */
export const LADDER_LABELS: Record<string, string> = {
  zelf: 'Zelf doen',
  samen: 'Samen met anderen',
  dichtbij: 'Dichtbij',
  'eerste-lijn': 'Huisarts en zorg dichtbij',
  'verder-weg': 'Verder weg',
};

/** How far, in plain words; a distance between centres is approximate and says so. */
export function nearnessText(nearness: Nearness): string {
  switch (nearness.kind) {
    case 'km':
      return nearness.km < 1
        ? 'Minder dan 1 km (ongeveer, hemelsbreed)'
        : `Ongeveer ${Math.round(nearness.km)} km (hemelsbreed)`;
    case 'in-place':
      return 'In jouw dorp of wijk';
    case 'gemeente':
      return `Voor heel de gemeente ${nearness.name}`;
    case 'regio':
      return 'Voor de hele regio';
    case 'online':
      return 'Online, waar je ook bent';
    case 'unknown':
      return 'Niet bekend';
  }
}

/** A date as residents write it: 24 november 2026. */
export function formatDate(isoDate: string): string {
  return new Date(`${isoDate}T12:00:00Z`).toLocaleDateString('nl-NL', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Amsterdam',
  });
}

function Contact({ service }: { service: ServiceHit }) {
  const phones = service.contact?.phones ?? [];
  const hasContact = phones.length > 0 || service.email || service.url;
  if (!hasContact)
    return (
      <dd>
        {service.is_demo
          ? 'Dit is een voorbeeld: er staan geen echte contactgegevens bij.'
          : 'De contactgegevens staan nog niet in de Hulpwijzer.'}
      </dd>
    );
  return (
    <dd>
      {phones.map((p) => (
        <>
          <a class="utrecht-link" href={telHref(p.number)}>
            {p.number}
          </a>
          {p.description ? ` (${p.description})` : ''}{' '}
        </>
      ))}
      {service.email ? (
        <a class="utrecht-link" href={`mailto:${service.email}`}>
          {service.email}
        </a>
      ) : null}{' '}
      {service.url && /^https?:\/\//i.test(service.url) ? (
        <a class="utrecht-link" href={service.url} rel="noopener">
          Website
        </a>
      ) : null}
    </dd>
  );
}

/** `where` replaces "how far" where a page has no place to measure from (a gemeente page). */
export function ServiceCard({
  service,
  headingId,
  where,
}: {
  service: ServiceHit;
  headingId: string;
  where?: string;
}) {
  const schedules = service.contact?.schedules ?? [];
  const addresses = service.contact?.addresses ?? [];
  return (
    <article class="marke-card" aria-labelledby={headingId}>
      <h3 class="utrecht-heading-3" id={headingId}>
        {service.name} {service.is_demo ? <DemoTag /> : null}
      </h3>
      <p class="marke-muted">
        {LADDER_LABELS[service.ladder] ?? service.ladder} · {service.organization_name}
      </p>
      {service.description ? <p class="utrecht-paragraph">{service.description}</p> : null}
      <dl class="marke-facts">
        <dt>Voor wie</dt>
        <dd>{service.eligibility_description ?? 'Niet bekend.'}</dd>
        <dt>Kosten</dt>
        <dd>{service.fees_description ?? 'Niet bekend. Vraag het na.'}</dd>
        <dt>Contact</dt>
        <Contact service={service} />
        <dt>Wanneer</dt>
        <dd>{schedules.length > 0 ? schedules.join('; ') : 'Niet bekend.'}</dd>
        <dt>Waar</dt>
        <dd>
          {addresses.length > 0 ? `${addresses.join('; ')}. ` : ''}
          {where ?? nearnessText(service.nearness)}
        </dd>
      </dl>
      <p class="marke-muted">
        {service.is_demo
          ? 'Voorbeeld: deze dienst is verzonnen om te laten zien hoe de Hulpwijzer werkt.'
          : service.assured_date
            ? `Laatst gecontroleerd: ${formatDate(service.assured_date)}.`
            : 'Nog niet gecontroleerd door de organisatie zelf.'}
        {!service.is_demo && service.source ? ` Bron: ${service.source}` : ''}
      </p>
    </article>
  );
}
