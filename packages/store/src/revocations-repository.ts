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
  async create(tenantId: string, connectionId: string, tokenSetEnc: string, context: Record<string, unknown>, trx: Kysely<Database> | Transaction<Database> = this.db): Promise<string> {
    const row = await trx
      .insertInto('revocations')
      .values({ tenant_id: tenantId, connection_id: connectionId, token_set_enc: tokenSetEnc, context_enc: await this.cipher.encrypt(JSON.stringify(context)), status: 'pending' })
      .returning('id')
      .executeTakeFirstOrThrow()
    return row.id
  }

  async get(id: string): Promise<(Revocation & { tokenSet: Record<string, unknown>; context: Record<string, unknown> }) | undefined> {
    const row = await this.db.selectFrom('revocations').selectAll().where('id', '=', id).executeTakeFirst()
    if (row === undefined) return undefined
    return {
      ...row,
      tokenSet: JSON.parse(await this.cipher.decrypt(row.token_set_enc)) as Record<string, unknown>,
      context: row.context_enc === null ? {} : (JSON.parse(await this.cipher.decrypt(row.context_enc)) as Record<string, unknown>)
    }
  }

  async finish(id: string, status: 'done' | 'failed', lastError: string | null): Promise<void> {
    await this.db.updateTable('revocations').set((eb) => ({ status, last_error: lastError, finished_at: new Date(), attempts: eb(eb.ref('attempts'), '+', 1) })).where('id', '=', id).execute()
  }

  async recordAttempt(id: string, lastError: string): Promise<void> {
    await this.db.updateTable('revocations').set((eb) => ({ last_error: lastError, attempts: eb(eb.ref('attempts'), '+', 1) })).where('id', '=', id).execute()
  }
}
