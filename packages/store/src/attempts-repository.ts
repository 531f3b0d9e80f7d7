import type { Kysely } from 'kysely'
import type { Cipher } from './cipher.js'
import type { ConnectAttempt, Database } from './database.js'
import { sha256 } from './hash.js'

/** An OAuth 1.0a request token and its secret. */
export interface RequestToken {
  readonly token: string
  readonly secret: string
}

/** Connect attempts: secrets (start token, state, browser binding) stored as hashes, the PKCE verifier and an OAuth 1.0a request token encrypted. */
export class AttemptsRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly cipher: Cipher
  ) {}

  async create(input: {
    tenantId: string
    connectionId: string
    startToken: string
    redirectUri: string
    requestedScopes: readonly string[]
    issuer: string | null
    expiresAt: Date
    returnTo?: string | null
    incremental?: boolean
  }): Promise<ConnectAttempt> {
    return this.db
      .insertInto('connect_attempts')
      .values({
        tenant_id: input.tenantId,
        connection_id: input.connectionId,
        start_token_hash: sha256(input.startToken),
        redirect_uri: input.redirectUri,
        requested_scopes: JSON.stringify(input.requestedScopes),
        issuer: input.issuer,
        return_to: input.returnTo ?? null,
        incremental: input.incremental ?? false,
        expires_at: input.expiresAt
      })
      .returningAll()
      .executeTakeFirstOrThrow()
  }

  async findByStartToken(startToken: string): Promise<ConnectAttempt | undefined> {
    return this.db
      .selectFrom('connect_attempts')
      .selectAll()
      .where('start_token_hash', '=', sha256(startToken))
      .executeTakeFirst()
  }

  async findByState(state: string): Promise<ConnectAttempt | undefined> {
    return this.db.selectFrom('connect_attempts').selectAll().where('state_hash', '=', sha256(state)).executeTakeFirst()
  }

  /**
   * Records that the attempt was opened in a browser: its state, browser binding and PKCE
   * verifier. Only once: a start URL opened twice fails the second time.
   * @returns whether this call started it.
   */
  async start(
    id: string,
    input: {
      state: string
      browserBinding: string
      codeVerifier: string | undefined
      requestToken?: RequestToken | undefined
    }
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('connect_attempts')
      .set({
        state_hash: sha256(input.state),
        browser_binding_hash: sha256(input.browserBinding),
        code_verifier_enc: input.codeVerifier === undefined ? null : await this.cipher.encrypt(input.codeVerifier),
        request_token_enc:
          input.requestToken === undefined ? null : await this.cipher.encrypt(JSON.stringify(input.requestToken)),
        started_at: new Date()
      })
      .where('id', '=', id)
      .where('started_at', 'is', null)
      .where('expires_at', '>', new Date())
      .executeTakeFirst()
    return result.numUpdatedRows > 0n
  }

  /** Marks the attempt consumed; only the first caller wins (a replayed callback loses). */
  async consume(id: string): Promise<boolean> {
    const result = await this.db
      .updateTable('connect_attempts')
      .set({ consumed_at: new Date() })
      .where('id', '=', id)
      .where('consumed_at', 'is', null)
      .executeTakeFirst()
    return result.numUpdatedRows > 0n
  }

  async setOutcome(id: string, outcome: string): Promise<void> {
    await this.db.updateTable('connect_attempts').set({ outcome }).where('id', '=', id).execute()
  }

  async codeVerifier(attempt: ConnectAttempt): Promise<string | undefined> {
    return attempt.code_verifier_enc === null ? undefined : this.cipher.decrypt(attempt.code_verifier_enc)
  }

  /** The OAuth 1.0a request token the attempt was started with. */
  async requestToken(attempt: ConnectAttempt): Promise<RequestToken | undefined> {
    if (attempt.request_token_enc === null) return undefined
    const { token, secret } = JSON.parse(await this.cipher.decrypt(attempt.request_token_enc)) as RequestToken
    return { token, secret }
  }

  /** Whether a browser binding value matches the attempt's. */
  bindingMatches(attempt: ConnectAttempt, browserBinding: string | undefined): boolean {
    return (
      browserBinding !== undefined &&
      attempt.browser_binding_hash !== null &&
      sha256(browserBinding) === attempt.browser_binding_hash
    )
  }
}
