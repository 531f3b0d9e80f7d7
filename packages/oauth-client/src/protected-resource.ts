import { OAuthError } from './errors.js'
import { sendToEndpoint } from './http.js'
import { firstMetadataDocument } from './metadata-document.js'
import type { HttpOptions } from './options.js'
import { httpsOrLoopback } from './url-checks.js'

/**
 * What a protected resource (an MCP server, an API) says about itself: its identifier and
 * the authorization servers that issue tokens for it.
 * @see https://www.rfc-editor.org/rfc/rfc9728#section-2
 */
export interface ProtectedResourceMetadata {
  /** The resource identifier, equal to the URL it was discovered from; sent as RFC 8707 `resource`. */
  readonly resource: string
  /** Issuer identifiers, in the resource's order (at least one). */
  readonly authorizationServers: readonly string[]
  /** `scopes_supported`, when the resource lists them. */
  readonly scopesSupported: readonly string[] | undefined
  /**
   * The scopes the resource's 401 challenge said a request needs (RFC 6750 §3 `scope`), when
   * it named any: MCP clients ask for these first, and for `scopesSupported` only without them.
   * @see https://modelcontextprotocol.io/specification/2025-11-25/basic/authorization#scope-selection-strategy
   */
  readonly challengedScopes: readonly string[] | undefined
  /** Where the metadata was read. */
  readonly metadataUrl: string
}

/**
 * The well-known metadata URLs of a resource, in the order tried: the path-aware one (the
 * well-known segment inserted before the resource's path), then the origin's.
 * @see https://www.rfc-editor.org/rfc/rfc9728#section-3.1
 */
export function resourceMetadataUrls(resource: string): string[] {
  const url = new URL(resource)
  const path = url.pathname.replace(/\/+$/, '')
  const root = `${url.origin}/.well-known/oauth-protected-resource`
  return path === '' ? [root] : [`${root}${path}`, root]
}

/**
 * The `resource_metadata` parameter of a `WWW-Authenticate: Bearer …` challenge, if any.
 * @see https://www.rfc-editor.org/rfc/rfc9728#section-5.1
 */
export function resourceMetadataFromChallenge(header: string | undefined): string | undefined {
  const value = challengeParameter(header, 'resource_metadata')
  return value !== undefined && httpsOrLoopback(value) ? value : undefined
}

/**
 * The `scope` parameter of a `WWW-Authenticate: Bearer …` challenge, split on spaces; `undefined`
 * when there is none or it names no scope.
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-3
 */
export function scopeFromChallenge(header: string | undefined): string[] | undefined {
  const scopes = challengeParameter(header, 'scope')
    ?.split(' ')
    .filter((scope) => scope !== '')
  return scopes === undefined || scopes.length === 0 ? undefined : scopes
}

/** The auth-params read from a challenge, quoted or not (RFC 9110 §11.2). */
const CHALLENGE_PARAMETERS = {
  resource_metadata: /(?:^|[\s,])resource_metadata\s*=\s*(?:"([^"]*)"|([^\s,]+))/i,
  scope: /(?:^|[\s,])scope\s*=\s*(?:"([^"]*)"|([^\s,]+))/i
}

/** One auth-param of a challenge, by name. */
function challengeParameter(header: string | undefined, name: keyof typeof CHALLENGE_PARAMETERS): string | undefined {
  if (header === undefined) return undefined
  const match = CHALLENGE_PARAMETERS[name].exec(header)
  return match?.[1] ?? match?.[2]
}

/** The longest the unauthenticated probe may take: a resource that streams (SSE) never ends its answer. */
const PROBE_TIMEOUT_MS = 3_000

/** What a resource's 401 challenge names: where its metadata is, and the scopes a request needs. */
interface Challenge {
  readonly metadataUrl: string | undefined
  readonly scopes: string[] | undefined
}

/**
 * What the resource's 401 challenge names, if it answers one. A probe that fails (a timeout,
 * a streamed answer) names nothing: the well-known URLs are read instead.
 */
async function challengeOf(resource: string, options: HttpOptions): Promise<Challenge> {
  try {
    const probe = await sendToEndpoint(
      {
        endpoint: 'resource',
        url: resource,
        method: 'GET',
        headers: { accept: 'application/json, text/event-stream' }
      },
      {
        ...options,
        timeoutMs: Math.min(options.timeoutMs ?? PROBE_TIMEOUT_MS, PROBE_TIMEOUT_MS),
        maxResponseBytes: 64 * 1024
      }
    )
    const header = probe.status === 401 ? probe.headers['www-authenticate'] : undefined
    return { metadataUrl: resourceMetadataFromChallenge(header), scopes: scopeFromChallenge(header) }
  } catch (error) {
    if (error instanceof OAuthError) return { metadataUrl: undefined, scopes: undefined }
    throw error
  }
}

/**
 * The identifier a client compares the metadata's `resource` with: the URL without its
 * fragment, and without the trailing slash of an empty path (`https://a.example/` and
 * `https://a.example` name the same resource).
 */
function normalizedResource(value: string): string {
  const url = new URL(value)
  url.hash = ''
  return url.pathname === '/' && url.search === '' ? url.origin : url.toString()
}

/**
 * Discovers a protected resource's authorization servers from its URL alone: an
 * unauthenticated request whose 401 names the metadata (`WWW-Authenticate: Bearer
 * resource_metadata=…`, and perhaps the `scope` a request needs), else the well-known URLs. The metadata's `resource` must be the
 * URL asked about (RFC 9728 §3.3, §7.3: a resource cannot send a client to another's
 * authorization server), and must list at least one https (or loopback) authorization server.
 *
 * @throws {OAuthError} `discovery_failed` (unreachable, no metadata, no authorization server) or `issuer_mismatch` (another resource's metadata).
 * @see https://www.rfc-editor.org/rfc/rfc9728
 * @see https://modelcontextprotocol.io/specification/2025-06-18/basic/authorization
 */
export async function discoverProtectedResource(
  resource: string,
  options: HttpOptions = {}
): Promise<ProtectedResourceMetadata> {
  if (!httpsOrLoopback(resource))
    throw new OAuthError('discovery_failed', {
      endpoint: 'resource',
      context: `${String(resource as unknown).slice(0, 200)} is not an https URL`
    })
  const problems: string[] = []
  const challenge = await challengeOf(resource, options)
  const candidates = challenge.metadataUrl === undefined ? resourceMetadataUrls(resource) : [challenge.metadataUrl]
  const found = await firstMetadataDocument('resource', candidates, options, problems)
  if (found === undefined)
    throw new OAuthError('discovery_failed', { endpoint: 'resource', context: problems.join('; ') })
  const { url, metadata } = found
  const named = metadata.resource
  if (typeof named !== 'string' || !URL.canParse(named))
    throw new OAuthError('discovery_failed', { endpoint: 'resource', context: `${url} names no resource` })
  if (normalizedResource(named) !== normalizedResource(resource))
    throw new OAuthError('issuer_mismatch', {
      endpoint: 'resource',
      context: `expected ${JSON.stringify(resource)}, got ${JSON.stringify(named.slice(0, 200))}`
    })
  const servers = Array.isArray(metadata.authorization_servers)
    ? metadata.authorization_servers.filter(httpsOrLoopback)
    : []
  if (servers.length === 0)
    throw new OAuthError('discovery_failed', {
      endpoint: 'resource',
      context: `${url} lists no https authorization server`
    })
  return {
    resource: named,
    authorizationServers: servers,
    scopesSupported: Array.isArray(metadata.scopes_supported)
      ? metadata.scopes_supported.filter((s): s is string => typeof s === 'string')
      : undefined,
    challengedScopes: challenge.scopes,
    metadataUrl: url
  }
}
