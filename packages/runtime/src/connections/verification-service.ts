import { readPath } from '@latchkey/connector-sdk'
import { sanitizeProviderText } from '@latchkey/oauth-client'
import type { Store } from '@latchkey/store'
import type { Catalog } from '../connectors/catalog.js'
import { RuntimeError, notFound } from '../errors.js'
import type { HttpHelper } from '../calls/http-helper.js'
import type { ConnectionLifecycle } from './lifecycle.js'
import { readAnswer } from '../calls/read-answer.js'

/** What a verification found. */
export interface VerificationResult {
  readonly ok: boolean
  /** The provider's status, when it answered. */
  readonly status: number | null
  /** The identity fields kept (team, workspace, user), when it succeeded. */
  readonly account: Record<string, unknown> | null
  /** Why it failed, in words a person can act on. */
  readonly reason: string | null
}

/**
 * Keeps identity values short and plain: they are shown, never trusted. Strings lose U+0000
 * and unpaired surrogates (to U+FFFD), which PostgreSQL refuses in `jsonb`; cutting at 256
 * code units may split a pair, so the cut comes first.
 */
function identityValue(value: unknown): unknown {
  if (typeof value === 'string') return sanitizeProviderText(value.slice(0, 256))
  if (typeof value === 'number' || typeof value === 'boolean') return value
  return undefined
}

/**
 * The connector's verification request ("who am I"): a cheap authenticated call through the
 * HTTP helper (so credentials, refresh and auth-failure rules apply). Success turns the
 * connection green and keeps the declared identity fields as its account; failure records
 * why, on the connection and in its log.
 */
export class VerificationService {
  constructor(
    private readonly store: Store,
    private readonly catalog: Catalog,
    private readonly http: HttpHelper,
    private readonly lifecycle: ConnectionLifecycle
  ) {}

  /**
   * Verifies a connection now.
   * @throws {RuntimeError} `conflict` when the connector declares no verification request.
   */
  async verify(tenantId: string, connectionId: string): Promise<VerificationResult> {
    const connection = await this.store.connections.get(tenantId, connectionId)
    if (connection === undefined) throw notFound('connection')
    const entry = await this.catalog.get(tenantId, connection.connector_key)
    const verification = entry?.definition.verification
    if (verification === undefined)
      throw new RuntimeError(
        'not_declared',
        `the connector "${connection.connector_key}" declares no verification request`
      )
    let answer: { status: number; body: unknown }
    try {
      const response = await this.http.call(tenantId, connectionId, {
        method: verification.method ?? 'GET',
        url: verification.path,
        fromOrigin: verification.from === 'origin',
        headers: verification.body === undefined ? {} : { 'content-type': 'application/json' },
        body: verification.body
      })
      answer = await readAnswer(response)
    } catch (error) {
      if (!(error instanceof RuntimeError)) throw error
      return this.failed(tenantId, connectionId, null, error.message)
    }
    if (answer.status < 200 || answer.status >= 300) {
      const after = await this.store.connections.get(tenantId, connectionId)
      const reason =
        after?.status === 'error'
          ? (after.status_reason ?? `the provider refused the credentials (HTTP ${answer.status})`)
          : `the provider answered HTTP ${answer.status} to ${verification.path}`
      return this.failed(tenantId, connectionId, answer.status, reason)
    }
    const account: Record<string, unknown> = {}
    for (const [name, path] of Object.entries(verification.identity ?? {})) {
      const value = identityValue(readPath(answer.body, path))
      if (value !== undefined) account[name] = value
    }
    // The helper already turned it green; the identity and the time are ours to keep.
    const after = await this.store.connections.get(tenantId, connectionId)
    if (after?.status === 'error')
      return this.failed(
        tenantId,
        connectionId,
        answer.status,
        after.status_reason ?? 'the provider refused the credentials'
      )
    const who = Object.values(account)
      .filter((v) => v !== '')
      .join(', ')
    await this.lifecycle.verified({ tenantId, connectionId }, account, after?.status === 'connected', {
      message: who === '' ? 'Verified: the provider accepted the credentials' : `Verified as ${who}`,
      detail: { status: answer.status, account }
    })
    return { ok: true, status: answer.status, account, reason: null }
  }

  /**
   * Verifies when the connector declares a verification request; never throws, so a
   * provider hiccup does not undo a connect that succeeded.
   */
  async afterConnect(tenantId: string, connectionId: string): Promise<void> {
    const connection = await this.store.connections.get(tenantId, connectionId)
    const entry = connection === undefined ? undefined : await this.catalog.get(tenantId, connection.connector_key)
    if (entry?.definition.verification === undefined) return
    try {
      await this.verify(tenantId, connectionId)
    } catch (error) {
      await this.lifecycle.log(
        { tenantId, connectionId },
        {
          kind: 'connection.verification_failed',
          level: 'warn',
          message: `Verification could not run: ${(error as Error).message}`
        }
      )
    }
  }

  private async failed(
    tenantId: string,
    connectionId: string,
    status: number | null,
    reason: string
  ): Promise<VerificationResult> {
    await this.lifecycle.verificationFailed({ tenantId, connectionId }, reason, status)
    return { ok: false, status, account: null, reason }
  }
}
