import { randomBytes } from 'node:crypto'
import { createServer } from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import {
  findAction,
  formatIssue,
  readPath,
  renderActionRequest,
  renderUrlTemplate,
  resolveAuthScheme,
  resolveConfigValues,
  resolveEndpoints,
  resolveScopes,
  resolveTokenPlacement,
  validateActionInput,
  validateParameters
} from '@latchkey/connector-sdk'
import type { ConnectorDefinitionInput, TemplateValues } from '@latchkey/connector-sdk'
import {
  OAuthError,
  buildAuthorizeUrl,
  discoverAuthorizationServer,
  exchangeCode,
  parseAuthorizationResponse,
  refreshTokens
} from '@latchkey/oauth-client'
import type { OAuthContext, TokenSet } from '@latchkey/oauth-client'
import { line } from './io.js'
import type { CommandIo } from './io.js'
import { loadConnectors } from './load-connectors.js'

/** What `latchkey try` was asked. */
export interface TryOptions {
  readonly path: string
  readonly scheme?: string | undefined
  /** `name=value` pairs. */
  readonly params: readonly string[]
  readonly scopes?: string | undefined
  /** The loopback port of the callback; `0` picks a free one. */
  readonly port: number
  /** A request to send once connected, `/path` below the base URL (GET). */
  readonly call?: string | undefined
  readonly action?: string | undefined
  /** The action's input as JSON. */
  readonly input?: string | undefined
  readonly refresh: boolean
  readonly timeoutSeconds: number
  /** Print the tokens themselves (they stay in memory otherwise). */
  readonly showTokens: boolean
  /** Called with the authorize URL once it is printed (tests play the browser here). */
  readonly onAuthorizeUrl?: ((url: string) => void) | undefined
}

/** The page the browser lands on after the provider sends it back. */
const DONE_PAGE = '<!doctype html><meta charset="utf-8"><title>Latchkey</title><p>Done: you can close this window.</p>'

const describeExpiry = (tokens: TokenSet): string =>
  tokens.expiresAt === undefined
    ? 'no expiry given'
    : `expires in ${Math.round((tokens.expiresAt.getTime() - Date.now()) / 1000)} s`

const truncate = (text: string, max = 2000): string => (text.length > max ? `${text.slice(0, max)}… (truncated)` : text)

/** Waits for the one callback on a loopback listener: its query, or a refusal when the time is up. */
function listen(
  port: number
): Promise<{ redirectUri: string; callback: (timeoutMs: number) => Promise<URLSearchParams>; close: () => void }> {
  let resolveQuery: (query: URLSearchParams) => void = () => undefined
  const received = new Promise<URLSearchParams>((resolve) => (resolveQuery = resolve))
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    if (url.pathname !== '/callback') {
      res.writeHead(404).end()
      return
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(DONE_PAGE)
    resolveQuery(url.searchParams)
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => {
      const { port: bound } = server.address() as AddressInfo
      resolve({
        redirectUri: `http://127.0.0.1:${bound}/callback`,
        callback: (timeoutMs) =>
          new Promise((resolveCallback, rejectCallback) => {
            const timer = setTimeout(
              () => rejectCallback(new Error(`no callback within ${Math.round(timeoutMs / 1000)} s`)),
              timeoutMs
            )
            void received.then((query) => {
              clearTimeout(timer)
              resolveCallback(query)
            })
          }),
        close: () => server.close()
      })
    })
  })
}

/**
 * `latchkey try`: connects to the real provider from a terminal, the loop an author runs
 * before publishing: a loopback callback, the authorize URL, the code exchange, what was
 * granted, the verification request, optionally one call or action, and a refresh. Tokens
 * stay in memory. OAuth 2.0 authorization code schemes only.
 * @returns 0 when everything asked worked, 1 otherwise, 2 for a usage mistake.
 */
export async function tryCommand(options: TryOptions, io: CommandIo): Promise<number> {
  const env = io.env ?? {}
  const loaded = await loadConnectors(options.path, io.cwd)
  const first = loaded[0]
  if (first === undefined || loaded.length > 1) {
    line(io.stderr, `${options.path}: try takes one connector (found ${loaded.length})`)
    return 2
  }
  if (!first.ok) {
    line(io.stderr, `${first.source}: not a valid connector`)
    for (const issue of first.issues) line(io.stderr, formatIssue(issue))
    return 1
  }
  const definition: ConnectorDefinitionInput = first.definition
  const scheme = resolveAuthScheme(definition, options.scheme)
  if (scheme?.kind !== 'oauth2' || scheme.grant !== 'authorization_code') {
    line(
      io.stderr,
      `${definition.key}: try connects OAuth 2.0 authorization code schemes; this one is "${scheme?.kind ?? 'unknown'}"`
    )
    return 2
  }
  const clientId = env.LATCHKEY_TRY_CLIENT_ID
  const clientSecret = env.LATCHKEY_TRY_CLIENT_SECRET
  if (clientId === undefined || clientId === '') {
    line(io.stderr, 'set LATCHKEY_TRY_CLIENT_ID (and LATCHKEY_TRY_CLIENT_SECRET) to your OAuth app at the provider')
    return 2
  }
  const given = Object.fromEntries(
    options.params.map((pair) => {
      const at = pair.indexOf('=')
      return at === -1 ? [pair, ''] : [pair.slice(0, at), pair.slice(at + 1)]
    })
  )
  const parameters = validateParameters(definition, given, '--param')
  if (!parameters.ok) {
    for (const issue of parameters.issues) line(io.stderr, formatIssue(issue))
    return 1
  }
  const config = resolveConfigValues(definition, parameters.values)
  const action = options.action === undefined ? undefined : findAction(definition, options.action)
  if (options.action !== undefined && action === undefined) {
    line(io.stderr, `${definition.key} has no action "${options.action}"`)
    return 2
  }
  let input: Record<string, unknown> = {}
  if (action !== undefined) {
    try {
      input = options.input === undefined ? {} : (JSON.parse(options.input) as Record<string, unknown>)
    } catch {
      line(io.stderr, '--input must be JSON')
      return 2
    }
    const problems = validateActionInput(action, input, '--input')
    if (problems.length > 0) {
      for (const issue of problems) line(io.stderr, formatIssue(issue))
      return 1
    }
  }

  const listener = await listen(options.port)
  try {
    const discovered =
      scheme.issuer !== undefined && (scheme.authorizeUrl === undefined || scheme.tokenUrl === undefined)
        ? await discoverAuthorizationServer(scheme.issuer)
        : undefined
    const context: OAuthContext = {
      definition,
      scheme: options.scheme,
      client: { clientId, ...(clientSecret === undefined ? {} : { clientSecret }) },
      parameters: parameters.values,
      config,
      ...(discovered === undefined ? {} : { overrides: discovered, server: discovered })
    }
    const scopes = resolveScopes({
      requested: options.scopes === undefined ? undefined : options.scopes.split(/[\s,]+/).filter(Boolean),
      connectorDefaults:
        action?.scopes !== undefined && options.scopes === undefined ? action.scopes : scheme.defaultScopes,
      offlineScope: scheme.offlineScope
    })
    const state = randomBytes(16).toString('base64url')
    const authorize = buildAuthorizeUrl(context, { redirectUri: listener.redirectUri, state, scopes })
    line(io.stdout, `Open this URL and approve access (register ${listener.redirectUri} as a redirect URI first):`)
    line(io.stdout, `  ${authorize.url}`)
    line(io.stdout, `Waiting up to ${options.timeoutSeconds} s for ${definition.name} to send the browser back…`)
    options.onAuthorizeUrl?.(authorize.url)
    const query = await listener.callback(options.timeoutSeconds * 1000)
    if (query.get('state') !== state) {
      line(io.stderr, 'the callback carried another state: not this attempt; nothing was exchanged')
      return 1
    }
    const response = parseAuthorizationResponse(query, {
      expectedIssuer: scheme.issuer,
      issuerRequired: discovered?.authorizationResponseIssParameterSupported === true,
      callbackParams: scheme.callbackParams
    })
    const tokens = await exchangeCode(context, {
      code: response.code,
      redirectUri: listener.redirectUri,
      codeVerifier: authorize.codeVerifier,
      requestedScopes: scopes
    })
    line(
      io.stdout,
      `connected: scopes ${(tokens.scopes ?? scopes).join(' ') || '(none)'}${tokens.scopes === undefined ? ' (as requested: the answer did not say)' : ''}; access token ${describeExpiry(tokens)}; refresh token: ${tokens.refreshToken === undefined ? 'no' : 'yes'}`
    )
    if (options.showTokens) line(io.stdout, `access token: ${tokens.accessToken}`)
    const metadata = { ...tokens.kept, ...response.kept }
    if (Object.keys(metadata).length > 0) line(io.stdout, `kept: ${JSON.stringify(metadata)}`)
    const values: TemplateValues = { parameters: parameters.values, config, metadata }
    const baseUrl = resolveEndpoints(definition, values, {}, scheme).baseUrl
    let ok = true
    const send = async (method: string, url: string, headers: Record<string, string>, body?: string) => {
      const placement = resolveTokenPlacement(definition.http?.tokenPlacement)
      const target = new URL(url)
      const auth: Record<string, string> = {}
      if (placement.in === 'header') auth[placement.name] = `${placement.prefix}${tokens.accessToken}`
      else target.searchParams.set(placement.name, tokens.accessToken)
      const fixed = Object.fromEntries(
        Object.entries(definition.http?.headers ?? {}).map(([name, template]) => [
          name,
          renderUrlTemplate(template, values)
        ])
      )
      const answer = await fetch(target, {
        method,
        headers: { accept: 'application/json', ...fixed, ...headers, ...auth },
        ...(body === undefined ? {} : { body })
      })
      const text = await answer.text()
      let json: unknown
      try {
        json = JSON.parse(text)
      } catch {
        json = undefined
      }
      return { status: answer.status, text, json }
    }
    if (baseUrl !== undefined && definition.verification?.path !== undefined) {
      const verification = definition.verification
      const root = verification.from === 'origin' ? new URL(baseUrl).origin : baseUrl.replace(/\/+$/, '')
      const answer = await send(
        verification.method ?? 'GET',
        `${root}${renderUrlTemplate(verification.path ?? '', values)}`,
        {}
      )
      const identity = Object.entries(verification.identity ?? {})
        .map(([name, path]) => [name, readPath(answer.json, path)] as const)
        .filter(([, value]) => typeof value === 'string' || typeof value === 'number')
      const fine = answer.status >= 200 && answer.status < 300
      ok &&= fine
      line(
        io.stdout,
        `verification: ${verification.method ?? 'GET'} ${verification.path} answered ${answer.status}${identity.length > 0 ? `; account ${identity.map(([k, v]) => `${k}=${String(v)}`).join(', ')}` : ''}`
      )
    } else if (definition.verification?.steps !== undefined) {
      line(io.stdout, 'verification: it has several steps; try does not run those')
    }
    if (options.call !== undefined && baseUrl !== undefined) {
      const answer = await send(
        'GET',
        `${baseUrl.replace(/\/+$/, '')}${options.call.startsWith('/') ? '' : '/'}${options.call}`,
        {}
      )
      ok &&= answer.status >= 200 && answer.status < 300
      line(io.stdout, `GET ${options.call}: ${answer.status}`)
      line(io.stdout, truncate(answer.text))
    }
    if (action !== undefined && baseUrl !== undefined) {
      const request = renderActionRequest(action, { ...values, input })
      const target = new URL(`${baseUrl.replace(/\/+$/, '')}${request.path}`)
      for (const [name, value] of Object.entries(request.query))
        for (const item of [value].flat()) target.searchParams.append(name, item)
      const form = request.bodyFormat === 'form'
      const body =
        request.body === undefined
          ? undefined
          : form
            ? new URLSearchParams(request.body as Record<string, string>).toString()
            : JSON.stringify(request.body)
      const headers = {
        ...request.headers,
        ...(body === undefined
          ? {}
          : { 'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json' })
      }
      const answer = await send(request.method, target.href, headers, body)
      ok &&= answer.status >= 200 && answer.status < 300
      const output = action.output === undefined ? answer.json : readPath(answer.json, action.output)
      line(
        io.stdout,
        `action ${action.key}: ${request.method} ${request.path} answered ${answer.status}${action.pagination === undefined ? '' : ' (first page only)'}`
      )
      line(io.stdout, truncate(output === undefined ? answer.text : JSON.stringify(output, null, 2)))
    }
    if (options.refresh) {
      if (tokens.refreshToken === undefined) {
        line(io.stdout, 'refresh: the provider gave no refresh token')
        ok = false
      } else {
        const fresh = await refreshTokens(context, tokens)
        line(
          io.stdout,
          `refreshed: access token ${describeExpiry(fresh)}; ${fresh.refreshToken !== undefined && fresh.refreshToken !== tokens.refreshToken ? 'a new refresh token (rotated)' : 'the same refresh token'}`
        )
      }
    }
    return ok ? 0 : 1
  } catch (error) {
    if (error instanceof OAuthError) {
      line(io.stderr, `${definition.name}: ${error.hint}`)
      return 1
    }
    if (error instanceof Error && /^no callback within/.test(error.message)) {
      line(io.stderr, `${error.message}: nothing was exchanged`)
      return 1
    }
    throw error
  } finally {
    listener.close()
  }
}
