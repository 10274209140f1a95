/**
 * Logging in as each role in real Chromium: the start page names the role and offers exactly the
 * work the policy allows, every offered page opens, and axe finds nothing on any of them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workspaceFor } from '../../src/modules/auth/auth.workspace.js';
import { ROLE_NAMES, ROLES } from '../../src/modules/auth/index.js';
import { databaseKinds } from '../db.js';
import { createAccount } from '../session.js';
import {
  assertNoViolations,
  type BrowserSession,
  E2E_TIMEOUT,
  launchBrowser,
  requireBrowser,
  runAxe,
  signInInBrowser,
  startServer,
  type TestServer,
} from './browser.js';

const hasBrowser = requireBrowser();

describe.skipIf(!hasBrowser).each(databaseKinds())('logging in as each role [%s]', (kind) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer(kind);
  });
  afterAll(async () => {
    await server?.close();
  });

  for (const role of ROLE_NAMES) {
    it(
      `${role}: start page with the allowed work, each page opens, axe clean`,
      async () => {
        const user = await createAccount(server.db, role, { organisation: 'ggd-drenthe' });
        const session: BrowserSession = await launchBrowser(server.origin);
        try {
          const { page } = session;
          await signInInBrowser(page, server.origin, user.email);
          expect(await page.locator('main').textContent()).toContain(ROLES[role]);
          assertNoViolations(`/account als ${role}`, await runAxe(page));
          const offered = await page
            .locator('.marke-workspace a')
            .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
          expect(offered).toEqual(workspaceFor(user).map((l) => l.href));
          for (const href of offered) {
            const response = await page.goto(`${server.origin}${href}`);
            expect(response?.status(), `${role} ${href}`).toBe(200);
            assertNoViolations(`${href} als ${role}`, await runAxe(page));
          }
          expect(session.thirdParty()).toEqual([]);
        } finally {
          await session.close();
        }
      },
      E2E_TIMEOUT,
    );
  }
});
