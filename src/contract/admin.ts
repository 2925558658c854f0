import { Type, type Static } from '@sinclair/typebox';

/**
 * Roles a token can carry. `service`: a payment platform that scores and reads its own decisions;
 * `analyst`: scores and works cases and labels; `admin`: everything, including settings and tokens.
 */
export const roles = ['service', 'analyst', 'admin'] as const;
/** A token's role. */
export type Role = (typeof roles)[number];

const Name = Type.String({ minLength: 1, maxLength: 100, description: 'A label for people: who or what uses the token.' });
const RoleSchema = Type.Unsafe<Role>({
  type: 'string',
  enum: [...roles],
  description: 'service: scores and reads its own decisions; analyst: also works cases and labels; admin: everything.',
});

/** A credential's expiry as a create body gives it. */
export const ExpiresAt = Type.String({
  format: 'date-time',
  description: 'When the credential stops authenticating (after now, at most ten years away); absent: it lives until revoked.',
});
/** A credential's expiry as answers show it. */
export const ExpiresAtView = Type.Union([Type.String({ format: 'date-time' }), Type.Null()], { description: 'When it stops authenticating; null: until revoked.' });

/** `POST /v1/admin/tokens` body. */
export const CreateTokenBody = Type.Object({ name: Name, role: RoleSchema, expires_at: Type.Optional(ExpiresAt) }, { additionalProperties: false });
/** A create-token body. */
export type CreateTokenBody = Static<typeof CreateTokenBody>;

/** A token as issued: the only time its secret is shown. */
export const IssuedTokenView = Type.Object({
  token_id: Type.String(),
  token: Type.String({ description: 'The bearer secret. Shown only in this answer; Sentra stores a hash.' }),
  name: Type.String(),
  role: RoleSchema,
  expires_at: ExpiresAtView,
});

/** A token as listed (never the secret). */
export const TokenView = Type.Object({
  token_id: Type.String(),
  name: Type.String(),
  role: RoleSchema,
  created_at: Type.String({ format: 'date-time' }),
  last_used_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
    description: 'Last authentication, to within the authentication cache lifetime (5 s).',
  }),
  revoked_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  expires_at: ExpiresAtView,
});

/** `GET /v1/admin/tokens` answer. */
export const TokenList = Type.Object({ items: Type.Array(TokenView) });

/** `POST /v1/admin/tenants` body. */
export const CreateTenantBody = Type.Object(
  {
    tenant_id: Type.String({ pattern: '^[a-z0-9][a-z0-9_-]{0,62}$', description: 'Lower-case letters, digits, _ and -; at most 63 characters.' }),
    name: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);
/** A create-tenant body. */
export type CreateTenantBody = Static<typeof CreateTenantBody>;

/** A tenant just created, with its first admin token (shown once). */
export const CreatedTenantView = Type.Object({ tenant_id: Type.String(), name: Type.String(), admin_token: IssuedTokenView });
