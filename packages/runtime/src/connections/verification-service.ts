import {
  TemplateError,
  renderEmbeddedTemplate,
  renderTemplate,
  renderUrlTemplate,
  resolveConfigValues,
  resolveVerificationSteps,
  selectPath,
  templateParameters
} from '@latchkey/connector-sdk'
import type { TemplateValues } from '@latchkey/connector-sdk'
import { openParameters } from './connection-context.js'
import { sanitizeProviderText } from '@latchkey/oauth-client'
import type { Store } from '@latchkey/store'
import type { Catalog } from '../connectors/catalog.js'
import { RuntimeError, notFound } from '../errors.js'
import type { HttpHelper } from '../calls/http-helper.js'
import type { ConnectionLifecycle, HeldWebhooks } from './lifecycle.js'
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

/** A value inserted into a JSON string literal. */
const jsonEscape = (value: string): string => JSON.stringify(value).slice(1, -1)

function renderMap(
  map: Readonly<Record<string, string>> | undefined,
  values: TemplateValues
): Record<string, string> | undefined {
  if (map === undefined) return undefined
  return Object.fromEntries(Object.entries(map).map(([name, template]) => [name, renderTemplate(template, values)]))
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
    const steps = resolveVerificationSteps(verification)
    // What the templates of each step see: parameters, config, metadata, and the account found so far.
    const parameters = await openParameters(this.store, connection.parameters)
    const definition = entry?.definition ?? { parameters: [] }
    const account: Record<string, unknown> = {}
    const values = (): TemplateValues => ({
      parameters: templateParameters(definition, parameters),
      config: entry === undefined ? {} : resolveConfigValues(entry.definition, parameters),
      metadata: connection.metadata,
      account
    })
    let answer: { status: number; body: unknown } = { status: 0, body: undefined }
    for (const step of steps) {
      try {
        const response = await this.http.call(tenantId, connectionId, {
          method: step.method ?? 'GET',
          url: renderUrlTemplate(step.path, values()),
          query: renderMap(step.query, values()),
          fromOrigin: step.from === 'origin',
          headers: {
            ...(step.body === undefined ? {} : { 'content-type': 'application/json' }),
            ...renderMap(step.headers, values())
          },
          body: step.body === undefined ? undefined : renderEmbeddedTemplate(step.body, values(), jsonEscape)
        })
        answer = await readAnswer(response)
      } catch (error) {
        if (error instanceof TemplateError)
          return this.failed(
            tenantId,
            connectionId,
            null,
            `the verification request could not be built: ${error.message}`
          )
        if (!(error instanceof RuntimeError)) throw error
        return this.failed(tenantId, connectionId, null, error.message)
      }
      if (answer.status < 200 || answer.status >= 300) {
        const after = await this.store.connections.get(tenantId, connectionId)
        const reason =
          after?.status === 'error'
            ? (after.status_reason ?? `the provider refused the credentials (HTTP ${answer.status})`)
            : `the provider answered HTTP ${answer.status} to ${step.path}`
        return this.failed(tenantId, connectionId, answer.status, reason)
      }
      for (const [name, template] of Object.entries(step.identity ?? {})) {
        let path: string
        try {
          path = renderTemplate(template, values())
        } catch (error) {
          if (!(error instanceof TemplateError)) throw error
          return this.failed(
            tenantId,
            connectionId,
            answer.status,
            `the identity "${name}" could not be read: ${error.message}`
          )
        }
        const value = identityValue(selectPath(answer.body, path))
        if (value !== undefined) account[name] = value
        else if (steps.length > 1)
          return this.failed(
            tenantId,
            connectionId,
            answer.status,
            `the answer to ${step.path} has nothing at ${path}, which the next request needs`
          )
      }
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
   * Verifies when the connector declares a verification request, then releases the webhooks
   * the connect held (they carry the account found); never throws for the provider's sake,
   * so a provider hiccup does not undo a connect that succeeded.
   */
  async afterConnect(held: HeldWebhooks): Promise<void> {
    const { tenantId, connectionId } = held.ref
    try {
      const connection = await this.store.connections.get(tenantId, connectionId)
      const entry = connection === undefined ? undefined : await this.catalog.get(tenantId, connection.connector_key)
      if (entry?.definition.verification === undefined) return
      try {
        await this.verify(tenantId, connectionId)
      } catch (error) {
        await this.lifecycle.log(held.ref, {
          kind: 'connection.verification_failed',
          level: 'warn',
          message: `Verification could not run: ${(error as Error).message}`
        })
      }
    } finally {
      await this.lifecycle.release(held)
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
