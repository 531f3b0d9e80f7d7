import type { Kysely, Selectable } from 'kysely'
import type { Cipher } from './cipher.js'
import type { Database, RegisteredClientsTable } from './database.js'

/** A client Latchkey registered at an authorization server (RFC 7591), its secret decrypted. */
export interface RegisteredClientRecord {
  readonly id: string
  readonly tenantId: string
  readonly issuer: string
  readonly redirectUri: string
  readonly clientId: string
  /** Absent for a public client (`none`). */
  readonly clientSecret: string | undefined
  readonly tokenEndpointAuthMethod: 'client_secret_basic' | 'client_secret_post' | 'none'
  /** When the secret stops working; `null`: never. */
  readonly expiresAt: Date | null
}

/** What registration answered, to be kept. */
export interface NewRegisteredClient {
  readonly clientId: string
  readonly clientSecret: string | undefined
  readonly tokenEndpointAuthMethod: 'client_secret_basic' | 'client_secret_post' | 'none'
  readonly expiresAt: Date | undefined
}

/**
 * Dynamically registered OAuth clients, one per tenant, authorization server and redirect
 * URI, reused by every connection of the tenant to that server; secrets encrypted at rest.
 */
export class RegisteredClientsRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly cipher: Cipher
  ) {}

  /** The tenant's current client at this server for this redirect URI, if one was registered. */
  async find(tenantId: string, issuer: string, redirectUri: string): Promise<RegisteredClientRecord | undefined> {
    const row = await this.db
      .selectFrom('registered_clients')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('issuer', '=', issuer)
      .where('redirect_uri', '=', redirectUri)
      .where('superseded_at', 'is', null)
      .executeTakeFirst()
    return row === undefined ? undefined : this.open(row)
  }

  /** A registered client by id, if it is the tenant's (superseded ones too: connections made with them keep them). */
  async get(tenantId: string, id: string): Promise<RegisteredClientRecord | undefined> {
    const row = await this.db
      .selectFrom('registered_clients')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .executeTakeFirst()
    return row === undefined ? undefined : this.open(row)
  }

  /**
   * Keeps a client just registered, unless another process kept one for the same tenant,
   * server and redirect URI first: then that one is returned (and the new one goes unused),
   * so every connection of a tenant to a server uses the same client.
   */
  async add(
    tenantId: string,
    issuer: string,
    redirectUri: string,
    client: NewRegisteredClient
  ): Promise<RegisteredClientRecord> {
    const inserted = await this.db
      .insertInto('registered_clients')
      .values({ tenant_id: tenantId, issuer, redirect_uri: redirectUri, ...(await this.sealed(client)) })
      .onConflict((oc) =>
        oc.columns(['tenant_id', 'issuer', 'redirect_uri']).where('superseded_at', 'is', null).doNothing()
      )
      .returningAll()
      .executeTakeFirst()
    if (inserted !== undefined) return this.open(inserted)
    const existing = await this.find(tenantId, issuer, redirectUri)
    if (existing === undefined) throw new Error('a registered client vanished while it was being kept')
    return existing
  }

  /**
   * A new registration takes over from a client whose secret is about to expire: the old one
   * is kept, superseded (the connections made with it hold refresh tokens issued to its
   * client id), and the new one is the current client from now on. When another process
   * superseded it first, that process's client is returned and this one goes unused.
   * @returns `undefined` when `id` is not the tenant's client.
   */
  async supersede(
    tenantId: string,
    id: string,
    client: NewRegisteredClient
  ): Promise<RegisteredClientRecord | undefined> {
    const sealed = await this.sealed(client)
    const row = await this.db.transaction().execute(async (tx) => {
      const old = await tx
        .updateTable('registered_clients')
        .set({ superseded_at: new Date(), updated_at: new Date() })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .where('superseded_at', 'is', null)
        .returning(['issuer', 'redirect_uri'])
        .executeTakeFirst()
      if (old === undefined) {
        const known = await tx
          .selectFrom('registered_clients')
          .select(['issuer', 'redirect_uri'])
          .where('tenant_id', '=', tenantId)
          .where('id', '=', id)
          .executeTakeFirst()
        if (known === undefined) return undefined
        // Superseded already: the current one.
        return tx
          .selectFrom('registered_clients')
          .selectAll()
          .where('tenant_id', '=', tenantId)
          .where('issuer', '=', known.issuer)
          .where('redirect_uri', '=', known.redirect_uri)
          .where('superseded_at', 'is', null)
          .executeTakeFirst()
      }
      return tx
        .insertInto('registered_clients')
        .values({ tenant_id: tenantId, issuer: old.issuer, redirect_uri: old.redirect_uri, ...sealed })
        .returningAll()
        .executeTakeFirstOrThrow()
    })
    return row === undefined ? undefined : this.open(row)
  }

  /**
   * Deletes clients superseded before `before` that nothing can use any more: no connection
   * names them, and the tenant has no revocation pending (a pending one may name a client in
   * its encrypted snapshot, so the tenant's old clients wait until those finish).
   * @returns how many were deleted (at most `limit`).
   */
  async pruneSuperseded(before: Date, limit: number): Promise<number> {
    const deleted = await this.db
      .deleteFrom('registered_clients')
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('registered_clients as old')
          .select('old.id')
          .where('old.superseded_at', '<', before)
          .where(({ and, not, exists, selectFrom }) =>
            and([
              not(
                exists(
                  selectFrom('connections')
                    .select('connections.id')
                    .whereRef('connections.registered_client_id', '=', 'old.id')
                )
              ),
              not(
                exists(
                  selectFrom('revocations')
                    .select('revocations.id')
                    .whereRef('revocations.tenant_id', '=', 'old.tenant_id')
                    .where('revocations.status', '=', 'pending')
                )
              )
            ])
          )
          .limit(limit)
      )
      .executeTakeFirst()
    return Number(deleted.numDeletedRows)
  }

  private async sealed(client: NewRegisteredClient) {
    return {
      client_id: client.clientId,
      client_secret_enc: client.clientSecret === undefined ? null : await this.cipher.encrypt(client.clientSecret),
      token_endpoint_auth_method: client.tokenEndpointAuthMethod,
      expires_at: client.expiresAt ?? null
    }
  }

  private async open(row: Selectable<RegisteredClientsTable>): Promise<RegisteredClientRecord> {
    return {
      id: row.id,
      tenantId: row.tenant_id,
      issuer: row.issuer,
      redirectUri: row.redirect_uri,
      clientId: row.client_id,
      clientSecret: row.client_secret_enc === null ? undefined : await this.cipher.decrypt(row.client_secret_enc),
      tokenEndpointAuthMethod: row.token_endpoint_auth_method,
      expiresAt: row.expires_at
    }
  }
}
