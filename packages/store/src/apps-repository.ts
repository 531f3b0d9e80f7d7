import type { Kysely } from 'kysely'
import type { Cipher } from './cipher.js'
import type { Database } from './database.js'

/**
 * A tenant's app for one connector, secret decrypted. `client` is `null` for connectors
 * without an OAuth client (API key, basic auth), whose app holds URL overrides only.
 */
export interface AppRecord {
  readonly connectorKey: string
  /** `clientSecret` is absent for a client the provider authenticates by its certificate (`tls_client_auth`). */
  readonly client: { readonly clientId: string; readonly clientSecret?: string | undefined } | null
  /** The client certificate (mutual TLS) with its private key, PEM, decrypted; `null`: none. */
  readonly clientCertificate: ClientCertificate | null
  readonly scopes: readonly string[] | null
  readonly overrides: Readonly<Record<string, string>>
  readonly updatedAt: Date
}

/** A client certificate chain and its private key, PEM. */
export interface ClientCertificate {
  readonly certificate: string
  readonly privateKey: string
}

/** Tenants' OAuth apps; the client secret and the client certificate are encrypted at rest. */
export class AppsRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly cipher: Cipher
  ) {}

  /**
   * Sets the app. Without `clientSecret` the stored secret is kept (editing a token URL
   * should not need the secret again); that only updates an existing app. `clientId: null`
   * stores URL overrides only (no client, no secret); `clientSecret: null` a client without a
   * secret (authenticated by its certificate). `clientCertificate` likewise: omitted keeps the
   * stored one, `null` removes it.
   * @returns whether a row was written.
   */
  async upsert(
    tenantId: string,
    connectorKey: string,
    app: {
      clientId: string | null
      clientSecret?: string | null | undefined
      clientCertificate?: ClientCertificate | null | undefined
      scopes: readonly string[] | null
      overrides: Record<string, string>
    }
  ): Promise<boolean> {
    const common = {
      client_id: app.clientId,
      scopes: app.scopes === null ? null : JSON.stringify(app.scopes),
      overrides: JSON.stringify(app.overrides),
      updated_at: new Date(),
      ...(app.clientCertificate === undefined
        ? {}
        : {
            client_certificate_enc:
              app.clientCertificate === null
                ? null
                : await this.cipher.encrypt(
                    JSON.stringify({
                      certificate: app.clientCertificate.certificate,
                      privateKey: app.clientCertificate.privateKey
                    })
                  )
          })
    }
    if (app.clientSecret === undefined && app.clientId !== null) {
      const result = await this.db
        .updateTable('connector_apps')
        .set(common)
        .where('tenant_id', '=', tenantId)
        .where('connector_key', '=', connectorKey)
        .executeTakeFirst()
      return result.numUpdatedRows > 0n
    }
    const values = {
      ...common,
      client_secret_enc:
        app.clientSecret === undefined || app.clientSecret === null || app.clientId === null
          ? null
          : await this.cipher.encrypt(app.clientSecret)
    }
    await this.db
      .insertInto('connector_apps')
      .values({ tenant_id: tenantId, connector_key: connectorKey, ...values })
      .onConflict((oc) => oc.columns(['tenant_id', 'connector_key']).doUpdateSet(values))
      .execute()
    return true
  }

  async get(tenantId: string, connectorKey: string): Promise<AppRecord | undefined> {
    const row = await this.db
      .selectFrom('connector_apps')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('connector_key', '=', connectorKey)
      .executeTakeFirst()
    if (row === undefined) return undefined
    const client =
      row.client_id === null
        ? null
        : {
            clientId: row.client_id,
            clientSecret: row.client_secret_enc === null ? undefined : await this.cipher.decrypt(row.client_secret_enc)
          }
    const clientCertificate =
      row.client_certificate_enc === null
        ? null
        : (JSON.parse(await this.cipher.decrypt(row.client_certificate_enc)) as ClientCertificate)
    return {
      connectorKey,
      client,
      clientCertificate,
      scopes: row.scopes,
      overrides: row.overrides,
      updatedAt: row.updated_at
    }
  }

  /** The app's URL overrides only: what API calls need, without decrypting the secret. */
  async overrides(tenantId: string, connectorKey: string): Promise<Readonly<Record<string, string>> | undefined> {
    const row = await this.db
      .selectFrom('connector_apps')
      .select('overrides')
      .where('tenant_id', '=', tenantId)
      .where('connector_key', '=', connectorKey)
      .executeTakeFirst()
    return row?.overrides
  }

  /** The connectors whose app holds a client certificate (mutual TLS), without decrypting anything. */
  async certified(tenantId: string): Promise<Set<string>> {
    const rows = await this.db
      .selectFrom('connector_apps')
      .select('connector_key')
      .where('tenant_id', '=', tenantId)
      .where('client_certificate_enc', 'is not', null)
      .execute()
    return new Set(rows.map((r) => r.connector_key))
  }

  /**
   * The connectors the tenant has an OAuth client for (not URL overrides alone), each with
   * the default scopes its app set (`null`: the connector's own).
   */
  async configured(tenantId: string): Promise<Map<string, readonly string[] | null>> {
    const rows = await this.db
      .selectFrom('connector_apps')
      .select(['connector_key', 'scopes'])
      .where('tenant_id', '=', tenantId)
      .where('client_id', 'is not', null)
      .execute()
    return new Map(rows.map((r) => [r.connector_key, r.scopes]))
  }
}
