import type { Kysely } from 'kysely'
import type { ConnectSession, Database } from './database.js'
import { isUuid } from './connections-repository.js'
import { sha256 } from './hash.js'

/** Connect sessions: the token is stored as a hash, like API keys and start tokens. */
export class ConnectSessionsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async create(input: {
    tenantId: string
    token: string
    externalId: string
    connectors: readonly string[] | null
    actions?: Readonly<Record<string, readonly string[]>> | null
    successUrl?: string | null
    failureUrl?: string | null
    locale?: string | null
    expiresAt: Date
  }): Promise<ConnectSession> {
    return this.db
      .insertInto('connect_sessions')
      .values({
        tenant_id: input.tenantId,
        token_hash: sha256(input.token),
        external_id: input.externalId,
        connectors: input.connectors === null ? null : JSON.stringify(input.connectors),
        actions: input.actions == null ? null : JSON.stringify(input.actions),
        success_url: input.successUrl ?? null,
        failure_url: input.failureUrl ?? null,
        locale: input.locale ?? null,
        expires_at: input.expiresAt
      })
      .returningAll()
      .executeTakeFirstOrThrow()
  }

  /** The session a token opens, while it has not expired. */
  async findActive(token: string, now: Date): Promise<ConnectSession | undefined> {
    return this.db
      .selectFrom('connect_sessions')
      .selectAll()
      .where('token_hash', '=', sha256(token))
      .where('expires_at', '>', now)
      .executeTakeFirst()
  }

  /** A session by its id (not a secret: it names the tenant whose wizard it opens), while it has not expired. */
  async findActiveById(id: string, now: Date): Promise<ConnectSession | undefined> {
    if (!isUuid(id)) return undefined
    return this.db
      .selectFrom('connect_sessions')
      .selectAll()
      .where('id', '=', id)
      .where('expires_at', '>', now)
      .executeTakeFirst()
  }

  /** Deletes sessions that expired before `before`; returns how many. */
  async deleteExpired(before: Date): Promise<number> {
    const result = await this.db.deleteFrom('connect_sessions').where('expires_at', '<', before).executeTakeFirst()
    return Number(result.numDeletedRows)
  }
}
