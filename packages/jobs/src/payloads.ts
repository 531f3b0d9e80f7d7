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

/** An authenticated call queued by a flow that runs asynchronously (`"mode": "async"`). */
export const HttpCallJobSchema = Type.Object(
  {
    tenantId: Type.String({ format: 'uuid' }),
    connectionId: Type.String({ format: 'uuid' }),
    method: Type.String(),
    url: Type.String(),
    query: Type.Optional(Type.Record(Type.String(), Type.Union([Type.String(), Type.Array(Type.String())]))),
    headers: Type.Optional(Type.Record(Type.String(), Type.String())),
    body: Type.Optional(Type.String())
  },
  { additionalProperties: false }
)

/** A declared action queued by a flow (`POST /v1/connections/:id/actions/:action` with `"mode": "async"`). */
export const ActionJobSchema = Type.Object(
  {
    tenantId: Type.String({ format: 'uuid' }),
    connectionId: Type.String({ format: 'uuid' }),
    action: Type.String(),
    input: Type.Optional(Type.Unknown()),
    pages: Type.Optional(Type.Integer({ minimum: 1 })),
    maxItems: Type.Optional(Type.Integer({ minimum: 1 }))
  },
  { additionalProperties: false }
)

/** What the http queue runs: a raw call or an action. */
export const HttpJobSchema = Type.Union([HttpCallJobSchema, ActionJobSchema])
export type HttpCallJob = Static<typeof HttpCallJobSchema>
export type ActionJob = Static<typeof ActionJobSchema>
export type HttpJob = HttpCallJob | ActionJob

/** What an HTTP job returns: the provider's answer, or the action's result. */
export type HttpJobResult =
  | { status: number; headers: Record<string, string>; body: unknown }
  | { status: number; output: unknown; pages: number; more: boolean; error?: string }

/**
 * One attempt of a webhook delivery: the delivery row's id and which attempt this is (so a
 * retry is its own job, deduplicated with the sweep's). The message and secret stay in PostgreSQL.
 */
export const WebhookJobSchema = Type.Object(
  {
    deliveryId: Type.String({ format: 'uuid' }),
    attempt: Type.Integer({ minimum: 0 })
  },
  { additionalProperties: false }
)
export type WebhookJob = Static<typeof WebhookJobSchema>
