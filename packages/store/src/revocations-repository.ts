import { sql } from 'kysely'
import type { Kysely, Transaction } from 'kysely'
import type { Cipher } from './cipher.js'
import type { Database, Revocation } from './database.js'

/**
 * Token sets waiting to be revoked at the provider. A job carries only the row id, so no
 * token ever sits in Redis.
 */
export class RevocationsRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly cipher: Cipher
  ) {}

  /** Queues an already encrypted token set (taken from the credentials row) for revocation. */
  async create(
    tenantId: string,
    connectionId: string,
    tokenSetEnc: string,
    context: Record<string, unknown>,
    trx: Kysely<Database> | Transaction<Database> = this.db
  ): Promise<string> {
    const row = await trx
      .insertInto('revocations')
      .values({
        tenant_id: tenantId,
        connection_id: connectionId,
        token_set_enc: tokenSetEnc,
        context_enc: await this.cipher.encrypt(JSON.stringify(context)),
        status: 'pending'
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    return row.id
  }

  /**
   * A revocation with its token set and snapshot opened; `tokenSet` is undefined once the
   * revocation finished (purged).
   */
  async get(
    id: string
  ): Promise<
    (Revocation & { tokenSet: Record<string, unknown> | undefined; context: Record<string, unknown> }) | undefined
  > {
    const row = await this.db.selectFrom('revocations').selectAll().where('id', '=', id).executeTakeFirst()
    if (row === undefined) return undefined
    return {
      ...row,
      tokenSet:
        row.token_set_enc === null
          ? undefined
          : (JSON.parse(await this.cipher.decrypt(row.token_set_enc)) as Record<string, unknown>),
      context:
        row.context_enc === null
          ? {}
          : (JSON.parse(await this.cipher.decrypt(row.context_enc)) as Record<string, unknown>)
    }
  }

  /**
   * Records the end of a revocation (revoked, or given up) and purges its encrypted token
   * set and snapshot: nothing secret outlives the revocation. The row stays as the record.
   * Only a pending row is finished, so a late second finish changes nothing.
   */
  async finish(id: string, status: 'done' | 'failed', lastError: string | null): Promise<boolean> {
    const result = await this.db
      .updateTable('revocations')
      .set((eb) => ({
        status,
        last_error: lastError,
        finished_at: new Date(),
        attempts: eb(eb.ref('attempts'), '+', 1),
        token_set_enc: null,
        context_enc: null
      }))
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .executeTakeFirst()
    return result.numUpdatedRows > 0n
  }

  /** Pending revocations older than `olderThanSeconds` (the sweep re-queues them), oldest first. */
  async pending(
    olderThanSeconds: number,
    limit: number
  ): Promise<{ id: string; tenant_id: string; connection_id: string }[]> {
    return this.db
      .selectFrom('revocations')
      .select(['id', 'tenant_id', 'connection_id'])
      .where('status', '=', 'pending')
      .where('created_at', '<', sql<Date>`now() - make_interval(secs => ${olderThanSeconds})`)
      .orderBy('created_at')
      .limit(limit)
      .execute()
  }

  async recordAttempt(id: string, lastError: string): Promise<void> {
    await this.db
      .updateTable('revocations')
      .set((eb) => ({ last_error: lastError, attempts: eb(eb.ref('attempts'), '+', 1) }))
      .where('id', '=', id)
      .execute()
  }
}
