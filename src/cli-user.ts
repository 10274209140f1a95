/** `marke user:create --role beheerder --email …`: the first account, with a one-time set-password link. */
import type { Config } from './config.js';
import { openMigrated } from './main.js';
import { InviteForm, inviteUser } from './modules/auth/index.js';
import { getOrganisation } from './modules/organisations/index.js';
import { getRegion } from './modules/plan/index.js';

/** Creates the account and prints the link; returns the exit code. */
export async function createUserCommand(
  config: Config,
  option: (name: string) => string | undefined,
): Promise<number> {
  const parsed = InviteForm.safeParse({
    email: option('email'),
    name: option('name') ?? '',
    role: option('role'),
    organisation: option('organisation'),
  });
  if (!parsed.success) {
    console.error(
      'Gebruik: marke user:create --role beheerder|trekker|redacteur|data|lezer --email adres [--name naam] [--organisation slug] [--region code]',
    );
    for (const issue of parsed.error.issues)
      console.error(`  ${String(issue.path[0])}: ${issue.message}`);
    return 2;
  }
  const handle = await openMigrated(config);
  try {
    const region = await getRegion(handle.db, option('region') ?? config.defaultRegion);
    if (!region.ok) {
      console.error('Onbekende regio. Start Marke eerst één keer, zodat het plan geladen is.');
      return 1;
    }
    let organisationId: number | null = null;
    if (parsed.data.organisation) {
      const org = await getOrganisation(handle.db, region.value, parsed.data.organisation);
      if (!org.ok) {
        console.error(`Organisatie "${parsed.data.organisation}" staat niet in het plan.`);
        return 1;
      }
      organisationId = org.value.organisation.id;
    }
    const result = await inviteUser(
      handle.db,
      {
        regionId: region.value.id,
        email: parsed.data.email,
        name: parsed.data.name,
        role: parsed.data.role,
        organisationId,
      },
      'cli',
    );
    if (!result.ok) {
      console.error('Er bestaat al een account met dit e-mailadres.');
      return 1;
    }
    console.log(`Account aangemaakt voor ${parsed.data.email} (${parsed.data.role}).`);
    console.log(`Eenmalige link om het wachtwoord in te stellen (7 dagen geldig):`);
    console.log(`http://localhost:${config.port}/wachtwoord-instellen?token=${result.value.token}`);
    return 0;
  } finally {
    await handle.close();
  }
}
