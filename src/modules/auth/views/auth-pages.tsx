/** Pages of the signed-in part: log in, set a password, account, user management, refusals. */
import type { PageContext } from '../../../web/context.js';
import { Layout } from '../../../web/layout.js';
import { ROLE_NAMES, ROLES, type SessionUser } from '../auth.types.js';
import { CsrfField, ErrorSummary, Field, type FieldErrors } from './forms.js';

export function LoginPage({
  ctx,
  csrf,
  email = '',
  errors = {},
  notice,
}: {
  ctx: PageContext;
  csrf: string;
  email?: string;
  errors?: FieldErrors;
  notice?: string;
}) {
  return (
    <Layout ctx={ctx} title="Inloggen" crumbs={[{ label: 'Inloggen' }]}>
      <h1 class="utrecht-heading-1">Inloggen</h1>
      <p class="utrecht-paragraph">
        Voor partners die doelen, voortgang en monitoring bijhouden. Inwoners hebben geen account
        nodig.
      </p>
      {notice ? (
        <div class="utrecht-alert" role="status">
          <p class="utrecht-paragraph">{notice}</p>
        </div>
      ) : null}
      <ErrorSummary errors={errors} />
      <form method="post" action="/inloggen" novalidate>
        <CsrfField token={csrf} />
        <Field
          id="email"
          label="E-mailadres"
          type="email"
          value={email}
          error={errors.email}
          autocomplete="username"
        />
        <Field
          id="password"
          label="Wachtwoord"
          type="password"
          error={errors.password}
          autocomplete="current-password"
        />
        <button class="utrecht-button utrecht-button--primary-action" type="submit">
          Inloggen
        </button>
      </form>
    </Layout>
  );
}

export function SetPasswordPage({
  ctx,
  csrf,
  token,
  errors = {},
}: {
  ctx: PageContext;
  csrf: string;
  token: string;
  errors?: FieldErrors;
}) {
  return (
    <Layout ctx={ctx} title="Wachtwoord instellen" crumbs={[{ label: 'Wachtwoord instellen' }]}>
      <h1 class="utrecht-heading-1">Wachtwoord instellen</h1>
      <p class="utrecht-paragraph">
        Kies een wachtwoord van minstens 12 tekens. Deze link werkt maar één keer.
      </p>
      <ErrorSummary errors={errors} />
      <form method="post" action="/wachtwoord-instellen" novalidate>
        <CsrfField token={csrf} />
        <input type="hidden" name="token" value={token} />
        <Field
          id="password"
          label="Nieuw wachtwoord"
          type="password"
          error={errors.password}
          autocomplete="new-password"
        />
        <Field
          id="repeat"
          label="Herhaal het wachtwoord"
          type="password"
          error={errors.repeat}
          autocomplete="new-password"
        />
        <button class="utrecht-button utrecht-button--primary-action" type="submit">
          Wachtwoord opslaan
        </button>
      </form>
    </Layout>
  );
}

export function AccountPage({
  ctx,
  user,
  csrf,
  links,
  notices,
}: {
  ctx: PageContext;
  user: SessionUser;
  csrf: string;
  links: ReadonlyArray<{ href: string; label: string; hint: string }>;
  /** Work waiting behind a link (by href), shown under it. */
  notices: ReadonlyMap<string, string>;
}) {
  return (
    <Layout ctx={ctx} title="Mijn account" crumbs={[{ label: 'Mijn account' }]}>
      <h1 class="utrecht-heading-1">Mijn account</h1>
      <dl class="marke-dl">
        <dt>E-mailadres</dt>
        <dd>{user.email}</dd>
        <dt>Naam</dt>
        <dd>{user.name || '–'}</dd>
        <dt>Rol</dt>
        <dd>{ROLES[user.role]}</dd>
      </dl>
      {links.length > 0 ? (
        <>
          <h2 class="utrecht-heading-2">Uw werk</h2>
          <ul class="utrecht-unordered-list marke-workspace">
            {links.map((link) => (
              <li>
                <a class="utrecht-link" href={link.href}>
                  {link.label}
                </a>
                <br />
                <span class="marke-muted">{link.hint}</span>
                {notices.get(link.href) ? (
                  <>
                    <br />
                    <strong class="marke-workspace-notice">{notices.get(link.href)}</strong>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <form method="post" action="/uitloggen">
        <CsrfField token={csrf} />
        <button class="utrecht-button utrecht-button--secondary-action" type="submit">
          Uitloggen
        </button>
      </form>
    </Layout>
  );
}

type UserRow = {
  id: number;
  email: string;
  name: string;
  role: keyof typeof ROLES;
  active: boolean;
  organisation_name: string | null;
  has_password: boolean;
};

export function UsersPage({
  ctx,
  csrf,
  users,
  errors = {},
  values = {},
  invited,
}: {
  ctx: PageContext;
  csrf: string;
  users: UserRow[];
  errors?: FieldErrors;
  values?: Record<string, string>;
  invited?: { email: string; link: string };
}) {
  return (
    <Layout
      ctx={ctx}
      title="Gebruikers"
      crumbs={[{ label: 'Mijn account', href: '/account' }, { label: 'Gebruikers' }]}
    >
      <h1 class="utrecht-heading-1">Gebruikers</h1>
      {invited ? (
        <div class="utrecht-alert" role="status">
          <p class="utrecht-paragraph">
            {invited.email} is uitgenodigd. Stuur deze eenmalige link zelf door; hij werkt 7 dagen
            en wordt niet opnieuw getoond:
          </p>
          <p class="utrecht-paragraph">
            <code>{invited.link}</code>
          </p>
        </div>
      ) : null}
      <table class="utrecht-table">
        <caption class="utrecht-table__caption">Accounts van {ctx.region.name}</caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            <th class="utrecht-table__header-cell" scope="col">
              E-mailadres
            </th>
            <th class="utrecht-table__header-cell" scope="col">
              Naam
            </th>
            <th class="utrecht-table__header-cell" scope="col">
              Rol
            </th>
            <th class="utrecht-table__header-cell" scope="col">
              Organisatie
            </th>
            <th class="utrecht-table__header-cell" scope="col">
              Status
            </th>
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {users.map((u) => (
            <tr class="utrecht-table__row">
              <td class="utrecht-table__cell">{u.email}</td>
              <td class="utrecht-table__cell">{u.name || '–'}</td>
              <td class="utrecht-table__cell">{ROLES[u.role]}</td>
              <td class="utrecht-table__cell">{u.organisation_name ?? '–'}</td>
              <td class="utrecht-table__cell">
                {!u.active ? 'uitgeschakeld' : u.has_password ? 'actief' : 'uitgenodigd'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2 class="utrecht-heading-2">Iemand uitnodigen</h2>
      <ErrorSummary errors={errors} />
      <form method="post" action="/beheer/gebruikers" novalidate>
        <CsrfField token={csrf} />
        <Field
          id="email"
          label="E-mailadres"
          type="email"
          value={values.email}
          error={errors.email}
        />
        <Field id="name" label="Naam (mag leeg blijven)" value={values.name} error={errors.name} />
        <div class="utrecht-form-field">
          <label class="utrecht-form-label" for="role">
            Rol
          </label>
          <select class="utrecht-select" id="role" name="role">
            {ROLE_NAMES.map((role) => (
              <option value={role} selected={values.role === role}>
                {ROLES[role]}
              </option>
            ))}
          </select>
        </div>
        <Field
          id="organisation"
          label="Organisatie (slug, bijvoorbeeld ggd-drenthe; mag leeg blijven)"
          value={values.organisation}
          error={errors.organisation}
        />
        <button class="utrecht-button utrecht-button--primary-action" type="submit">
          Uitnodigen
        </button>
      </form>
    </Layout>
  );
}

export function RefusedPage({
  ctx,
  status,
  message,
}: {
  ctx: PageContext;
  status: 403 | 413 | 429;
  message: string;
}) {
  const title = { 403: 'Geen toegang', 413: 'Te groot', 429: 'Even wachten' }[status];
  return (
    <Layout ctx={ctx} title={title}>
      <h1 class="utrecht-heading-1">{title}</h1>
      <p class="utrecht-paragraph">{message}</p>
      <p class="utrecht-paragraph marke-muted">Foutcode {status}</p>
    </Layout>
  );
}
