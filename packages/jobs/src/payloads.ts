import Type from 'typebox'
import type { Static } from 'typebox'

/**
 * A revocation job: only ids. The tokens stay encrypted in PostgreSQL (`revocations`);
 * nothing secret is ever written to Redis.
 */
export const RevokeJobSchema = Type.Object(
  {
    revocationId: Type.String({ format: 'uuid' }),
    tenantId: Type.String({ format: 'uuid' }),
    connectionId: Type.String({ format: 'uuid' })
  },
  { additionalProperties: false }
)
export type RevokeJob = Static<typeof RevokeJobSchema>

/** A refresh job: which connection, and why. */
export const RefreshJobSchema = Type.Object(
  {
    connectionId: Type.String({ format: 'uuid' }),
    tenantId: Type.String({ format: 'uuid' }),
    reason: Type.Enum(['due', 'forced', 'auth_failure'])
  },
  { additionalProperties: false }
)
export type RefreshJob = Static<typeof RefreshJobSchema>
