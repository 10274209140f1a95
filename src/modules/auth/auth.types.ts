/** Roles, the signed-in user as routes see it, and zod schemas of the auth forms. */
import { z } from 'zod';
import type { Role } from '../../db/schema.js';

export type { Role };

/** The roles of issue 3 with their Dutch names as the UI shows them. */
export const ROLES: Record<Role, string> = {
  beheerder: 'Beheerder (programmateam)',
  trekker: 'Trekker (eigenaar van doelen)',
  redacteur: 'Redacteur (van een organisatie)',
  data: 'Datasteward',
  lezer: 'Lezer',
};
export const ROLE_NAMES = Object.keys(ROLES) as Role[];

export type SessionUser = {
  id: number;
  email: string;
  name: string;
  role: Role;
  regionId: number;
  organisationId: number | null;
};

export type Session = { user: SessionUser; csrfToken: string };

const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'Dit e-mailadres is te lang.')
  .email('Vul een geldig e-mailadres in.');

export const LoginForm = z.object({
  email,
  password: z.string().min(1, 'Vul uw wachtwoord in.').max(1000, 'Dit wachtwoord is te lang.'),
});

export const SetPasswordForm = z
  .object({
    token: z.string().min(20).max(200),
    password: z
      .string()
      .min(12, 'Kies een wachtwoord van minstens 12 tekens.')
      .max(200, 'Kies een wachtwoord van hoogstens 200 tekens.'),
    repeat: z.string(),
  })
  .refine((form) => form.password === form.repeat, {
    message: 'De twee wachtwoorden zijn niet gelijk.',
    path: ['repeat'],
  });

export const InviteForm = z.object({
  email,
  name: z.string().trim().max(200, 'Deze naam is te lang.').default(''),
  role: z.enum(ROLE_NAMES as [Role, ...Role[]], { message: 'Kies een rol.' }),
  organisation: z.string().trim().max(120).optional(),
});

export type AuthError =
  | 'InvalidCredentials'
  | 'TooManyAttempts'
  | 'TokenInvalid'
  | 'EmailTaken'
  | 'UnknownRegion'
  | 'UnknownOrganisation';

/** Filter of the audit page: entity type and key as stored in audit_log. */
export const AuditFilter = z
  .object({
    soort: z
      .string()
      .regex(/^[a-z_]{1,40}$/, 'Onbekende soort.')
      .optional(),
    sleutel: z.string().trim().min(1).max(120, 'Deze sleutel is te lang.').optional(),
  })
  .strict();
