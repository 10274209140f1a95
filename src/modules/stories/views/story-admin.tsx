/** Signed-in story pages: the list per role, and one story with publish and reject for beheerders. */

import { DemoTag } from '../../../web/components.js';
import type { PageContext } from '../../../web/context.js';
import { Layout } from '../../../web/layout.js';
import { CsrfField, ErrorSummary, type FieldErrors } from '../../auth/index.js';
import type { CreateRight, StoryScope } from '../stories.policy.js';
import type { PrivacyFlag } from '../stories.privacy.js';
import type { StoryPage as StoryPageData } from '../stories.service.js';
import { STORY_STATUS_NAMES, STORY_STATUSES, type StoryStatus } from '../stories.types.js';
import type { StoryDetail } from '../stories-view.service.js';
import { Saved, TextArea } from './parts.js';

const SCOPE_TEXT: Record<StoryScope['kind'], string> = {
  all: 'Alle verhalen van de regio. Beoordeel ingediende verhalen en publiceer ze.',
  organisation: 'De verhalen van uw organisatie. Een beheerder publiceert ze.',
  submitted: 'Ingediende en gepubliceerde verhalen. U kunt ze lezen, maar niet wijzigen.',
  none: '',
};

function excerpt(text: string): string {
  return text.length > 90 ? `${text.slice(0, 90).trimEnd()}…` : text;
}

function StatusFilter({ status }: { status?: StoryStatus }) {
  return (
    <form method="get" action="/beheer/verhalen" class="marke-search">
      <div class="utrecht-form-field">
        <label class="utrecht-form-label" for="status">
          Status
        </label>
        <select class="utrecht-select" id="status" name="status">
          <option value="">Alle</option>
          {STORY_STATUS_NAMES.map((s) => (
            <option value={s} selected={status === s}>
              {STORY_STATUSES[s]}
            </option>
          ))}
        </select>
      </div>
      <button class="utrecht-button utrecht-button--secondary-action" type="submit">
        Filteren
      </button>
    </form>
  );
}

export function StoryListPage({
  ctx,
  scope,
  stories,
  status,
  createRight,
  error,
}: {
  ctx: PageContext;
  scope: StoryScope;
  stories: StoryDetail[];
  status?: StoryStatus;
  createRight: CreateRight;
  error?: string;
}) {
  return (
    <Layout ctx={ctx} title="Verhalen" crumbs={[{ label: 'Verhalen' }]}>
      <h1 class="utrecht-heading-1">Verhalen</h1>
      {scope.kind === 'none' ? (
        <div class="utrecht-alert" role="status">
          <p class="utrecht-paragraph">
            Uw account hoort nog niet bij een organisatie. Vraag een beheerder om uw organisatie aan
            uw account toe te voegen. Daarna kunt u verhalen toevoegen.
          </p>
        </div>
      ) : (
        <p class="utrecht-paragraph">{SCOPE_TEXT[scope.kind]}</p>
      )}
      {error ? (
        <div class="utrecht-alert utrecht-alert--error" role="alert">
          <p class="utrecht-paragraph">{error}</p>
        </div>
      ) : null}
      {createRight === 'ok' ? (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href="/beheer/verhalen/nieuw">
            Nieuw verhaal toevoegen
          </a>
        </p>
      ) : null}
      {scope.kind === 'all' ? <StatusFilter status={status} /> : null}
      {scope.kind === 'none' ? null : stories.length === 0 ? (
        <p class="utrecht-paragraph marke-muted">Er zijn (nog) geen verhalen.</p>
      ) : (
        <div class="marke-table-wrap">
          <table class="utrecht-table">
            <caption class="utrecht-table__caption">{stories.length} verhalen</caption>
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                {['Verhaal', 'Datum', 'Verteller', 'Gebied', 'Status'].map((h) => (
                  <th class="utrecht-table__header-cell" scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {stories.map((s) => (
                <tr class="utrecht-table__row">
                  <th class="utrecht-table__header-cell" scope="row">
                    <a class="utrecht-link" href={`/beheer/verhalen/${s.id}`}>
                      {excerpt(s.text)}
                    </a>{' '}
                    {s.isDemo ? <DemoTag /> : null}
                  </th>
                  <td class="utrecht-table__cell">{s.dateLabel}</td>
                  <td class="utrecht-table__cell">{s.roleLabel}</td>
                  <td class="utrecht-table__cell">{s.area.name}</td>
                  <td class="utrecht-table__cell">{STORY_STATUSES[s.status]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}

function FlagList({ flags, confirmed }: { flags: PrivacyFlag[]; confirmed: boolean }) {
  if (flags.length === 0) return <>Geen namen of contactgegevens gevonden.</>;
  return (
    <>
      Lijkt op een naam: <mark>{flags.map((f) => f.fragment).join(', ')}</mark>.{' '}
      {confirmed
        ? 'De schrijver heeft gecontroleerd dat dit geen namen zijn. Kijk het voor publicatie na.'
        : 'Nog niet gecontroleerd.'}
    </>
  );
}

function StoryFacts({ story, flags }: { story: StoryDetail; flags: PrivacyFlag[] }) {
  const rows: Array<[string, string]> = [
    ['Status', STORY_STATUSES[story.status]],
    ['Verteller', story.roleLabel],
    ['Datum', story.dateLabel],
    ['Gebied', story.area.name],
    ['Opgaven', story.opgaven.map((o) => o.name).join(', ') || '–'],
    ['Doelen', story.goals.join(', ') || '–'],
    ['Doelgroepen', story.targetGroups.map((g) => g.label).join(', ') || '–'],
    ['Organisatie', story.organisation ?? 'Programmateam'],
    ['Toestemming gegeven door', story.consent.byLabel],
    ['Manier van toestemming', story.consent.methodLabel],
    ['Vastgelegd door', story.consent.recordedBy],
    ['Datum toestemming', story.consent.on],
  ];
  return (
    <dl class="marke-dl">
      {rows.map(([term, value]) => (
        <>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </>
      ))}
      <dt>Namencheck</dt>
      <dd>
        <FlagList flags={flags} confirmed={story.privacyConfirmed} />
      </dd>
    </dl>
  );
}

function Decision({
  story,
  csrf,
  errors,
  reason,
}: {
  story: StoryDetail;
  csrf: string;
  errors: FieldErrors;
  reason?: string;
}) {
  return (
    <section aria-labelledby="beoordelen">
      <h2 class="utrecht-heading-2" id="beoordelen">
        Beoordelen
      </h2>
      {story.status !== 'gepubliceerd' ? (
        <form method="post" action={`/beheer/verhalen/${story.id}/publiceren`}>
          <CsrfField token={csrf} />
          <button class="utrecht-button utrecht-button--primary-action" type="submit">
            Publiceren
          </button>
        </form>
      ) : null}
      {story.status !== 'afgewezen' ? (
        <form method="post" action={`/beheer/verhalen/${story.id}/afwijzen`} novalidate>
          <CsrfField token={csrf} />
          <TextArea
            id="reason"
            label={
              story.status === 'gepubliceerd' ? 'Reden om terug te trekken' : 'Reden van afwijzen'
            }
            hint="De schrijver ziet deze reden."
            errors={errors}
            value={reason}
            rows={3}
          />
          <button class="utrecht-button utrecht-button--secondary-action" type="submit">
            {story.status === 'gepubliceerd' ? 'Terugtrekken' : 'Afwijzen'}
          </button>
        </form>
      ) : null}
    </section>
  );
}

export function StoryPage({
  ctx,
  data,
  csrf,
  errors = {},
  reason,
  notice,
}: {
  ctx: PageContext;
  data: StoryPageData;
  csrf: string;
  errors?: FieldErrors;
  reason?: string;
  notice?: string;
}) {
  const { story } = data;
  return (
    <Layout
      ctx={ctx}
      title={`Verhaal ${story.id}`}
      crumbs={[{ label: 'Verhalen', href: '/beheer/verhalen' }, { label: `Verhaal ${story.id}` }]}
    >
      <h1 class="utrecht-heading-1">
        Verhaal {story.id} {story.isDemo ? <DemoTag /> : null}
      </h1>
      {notice ? <Saved text={notice} /> : null}
      <ErrorSummary errors={errors} />
      {story.status === 'afgewezen' && story.rejectionReason ? (
        <div class="utrecht-alert" role="note">
          <p class="utrecht-paragraph">Afgewezen: {story.rejectionReason}</p>
        </div>
      ) : null}
      <blockquote class="marke-quote">
        <p class="utrecht-paragraph marke-pre">{story.text}</p>
      </blockquote>
      <StoryFacts story={story} flags={data.flags} />
      {data.canEdit ? (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={`/beheer/verhalen/${story.id}/bewerken`}>
            Verhaal bewerken
          </a>
        </p>
      ) : null}
      {data.canPublish ? (
        <Decision story={story} csrf={csrf} errors={errors} reason={reason} />
      ) : null}
    </Layout>
  );
}
