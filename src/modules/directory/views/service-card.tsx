/** One service as a resident reads it: what, for whom, costs, contact, when and how far. */

import { dutchDate } from '../../../lib/dutch-date.js';
import { DemoTag } from '../../../web/components.js';
import type { CardPhone } from '../card-contact.js';
import type { ScheduleLine } from '../schedule-text.js';
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

/** A website as residents read it: "grolloozorgt.nl" or "gemeente.nl/hulp". */
function siteName(url: string): string {
  try {
    const { hostname, pathname } = new URL(url);
    const path = pathname === '/' ? '' : pathname.replace(/\/$/, '');
    return `${hostname.replace(/^www\./, '')}${path.length <= 30 ? path : ''}`;
  } catch {
    return url;
  }
}

export function PhoneLine({ phone }: { phone: CardPhone }) {
  const extra = [phone.extension ? `toestel ${phone.extension}` : '', phone.description ?? '']
    .filter(Boolean)
    .join(', ');
  const number = <>{phone.number}</>;
  const type = phone.type?.toLowerCase();
  return (
    <li>
      {type === 'fax' ? (
        <>Fax: {number}</>
      ) : type === 'text' ? (
        <>
          Sms naar{' '}
          <a class="utrecht-link" href={telHref(phone.number).replace(/^tel:/, 'sms:')}>
            {number}
          </a>
        </>
      ) : (
        <>
          {type === 'textphone' ? 'Teksttelefoon: ' : 'Bel '}
          <a class="utrecht-link" href={telHref(phone.number)}>
            {number}
          </a>
        </>
      )}
      {extra ? ` (${extra})` : ''}
    </li>
  );
}

/** Phone (tel: link), e-mail (mailto), website, most specific first; honest when there is none. */
function Contact({ service }: { service: ServiceHit }) {
  const { phones, emails, websites } = service.contact;
  const none = phones.length === 0 && emails.length === 0 && websites.length === 0;
  return (
    <dd>
      <ul class="marke-contact">
        {none ? (
          <li>
            {service.is_demo
              ? 'Dit is een voorbeeld: er staan geen echte contactgegevens bij.'
              : 'De contactgegevens staan nog niet in de Hulpwijzer.'}
          </li>
        ) : null}
        {phones.map((phone) => (
          <PhoneLine phone={phone} />
        ))}
        {emails.map((email) => (
          <li>
            Mail naar{' '}
            <a class="utrecht-link" href={`mailto:${email}`}>
              {email}
            </a>
          </li>
        ))}
        {websites.map((url) => (
          <li>
            Website:{' '}
            <a class="utrecht-link" href={url} rel="noopener">
              {siteName(url)}
            </a>
          </li>
        ))}
        {service.application_process ? <li>Aanmelden: {service.application_process}</li> : null}
      </ul>
    </dd>
  );
}

/** The times in plain Dutch, each with its own link to sessions or booking when it has one. */
export function When({ schedules }: { schedules: ScheduleLine[] }) {
  if (schedules.length === 0) return <dd>Niet bekend.</dd>;
  return (
    <dd>
      <ul class="marke-contact">
        {schedules.map((line) => (
          <li>
            {line.text ? `${line.text}${/[.!?]$/.test(line.text) ? '' : '.'} ` : ''}
            {line.link ? (
              <a class="utrecht-link" href={line.link} rel="noopener">
                Bekijk de tijden of maak een afspraak
              </a>
            ) : null}
          </li>
        ))}
      </ul>
    </dd>
  );
}

/** Card headings sit under a page's h1 (h2), a section's h2 (h3) or a need's h3 (h4). */
export type CardHeadingLevel = 2 | 3 | 4;

/** `where` replaces "how far" where a page has no place to measure from (a gemeente page). */
export function ServiceCard({
  service,
  headingId,
  level,
  where,
}: {
  service: ServiceHit;
  headingId: string;
  /** One below the heading of the section the card is in, so the page's outline holds. */
  level: CardHeadingLevel;
  where?: string;
}) {
  const Heading = `h${level}` as const;
  const { addresses, schedules } = service.contact;
  return (
    <article class="marke-card" aria-labelledby={headingId}>
      <Heading class={`utrecht-heading-${level}`} id={headingId}>
        {service.name} {service.is_demo ? <DemoTag /> : null}
      </Heading>
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
        <When schedules={schedules} />
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
            ? `Laatst gecontroleerd: ${dutchDate(service.assured_date)}.`
            : 'Nog niet gecontroleerd door de organisatie zelf.'}
        {!service.is_demo && service.source ? ` Bron: ${service.source}` : ''}
      </p>
    </article>
  );
}
