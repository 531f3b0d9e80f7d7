import { request } from 'undici'
import { OAuthError } from './errors.js'
import type { OAuthEndpoint } from './errors.js'
import { DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_TIMEOUT_MS, dispatcherFor } from './options.js'
import type { HttpOptions } from './options.js'

/** An answer read in full (within the size cap). */
export interface HttpAnswer {
  readonly status: number
  readonly headers: Readonly<Record<string, string>>
  readonly contentType: string
  readonly text: string
}

/** A request to one of the provider's OAuth endpoints. */
export interface EndpointRequest {
  readonly endpoint: OAuthEndpoint
  readonly url: string
  readonly method?: 'POST' | 'PUT' | 'GET' | 'DELETE'
  readonly headers: Readonly<Record<string, string>>
  readonly body?: string | undefined
}

function flatHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value
  }
  return out
}

const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN'
])
const TIMEOUT_CODES = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ETIMEDOUT'
])

function errorCode(error: unknown): string | undefined {
  let current: unknown = error
  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code
    if (typeof code === 'string') return code
    current = (current as { cause?: unknown }).cause
  }
  return undefined
}

/** Turns a transport failure into an `OAuthError` with a code a person and a queue can use. */
function transportError(error: unknown, request: EndpointRequest, timeoutMs: number): OAuthError {
  const host = new URL(request.url).host
  const code = errorCode(error)
  const name = error instanceof Error ? error.name : ''
  if (name === 'TimeoutError' || name === 'AbortError' || (code !== undefined && TIMEOUT_CODES.has(code))) {
    return new OAuthError('timeout', {
      endpoint: request.endpoint,
      context:
        code === 'UND_ERR_CONNECT_TIMEOUT'
          ? `could not connect to ${host}`
          : `no full answer from ${host} within ${timeoutMs} ms`,
      cause: error
    })
  }
  if (code !== undefined && UNREACHABLE_CODES.has(code)) {
    return new OAuthError('token_endpoint_unreachable', {
      endpoint: request.endpoint,
      context: `${host}: ${code}`,
      cause: error
    })
  }
  return new OAuthError('token_endpoint_unreachable', {
    endpoint: request.endpoint,
    context: `${host}: ${code ?? (error instanceof Error ? error.message : String(error))}`,
    cause: error
  })
}

/**
 * Sends one request to an OAuth endpoint and reads the answer, within the total timeout
 * and the size cap. Redirects are never followed (undici's `request` does not follow them): a token endpoint that redirects is
 * misconfigured, and following it would carry credentials elsewhere.
 *
 * @throws {OAuthError} `timeout`, `token_endpoint_unreachable` or `response_too_large`.
 */
export async function sendToEndpoint(req: EndpointRequest, options: HttpOptions): Promise<HttpAnswer> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const maxBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES
  const signal = AbortSignal.timeout(timeoutMs)
  let response: Awaited<ReturnType<typeof request>>
  try {
    response = await request(req.url, {
      method: req.method ?? 'POST',
      headers: { 'user-agent': options.userAgent ?? 'Latchkey', ...req.headers },
      body: req.body,
      dispatcher: dispatcherFor(options),
      signal
    })
  } catch (error) {
    throw transportError(error, req, timeoutMs)
  }
  const headers = flatHeaders(response.headers)
  if (headers.location !== undefined) {
    try {
      headers.location = new URL(headers.location, req.url).toString()
    } catch {
      // Left as sent; the reader describes it as "another address".
    }
  }
  const declared = Number(headers['content-length'])
  if (Number.isFinite(declared) && declared > maxBytes) {
    response.body.destroy()
    throw new OAuthError('response_too_large', { endpoint: req.endpoint, status: response.statusCode })
  }
  const chunks: Buffer[] = []
  let size = 0
  try {
    for await (const chunk of response.body) {
      const buffer = chunk as Buffer
      size += buffer.length
      if (size > maxBytes) {
        response.body.destroy()
        throw new OAuthError('response_too_large', { endpoint: req.endpoint, status: response.statusCode })
      }
      chunks.push(buffer)
    }
  } catch (error) {
    if (error instanceof OAuthError) throw error
    throw transportError(error, req, timeoutMs)
  }
  return {
    status: response.statusCode,
    headers,
    contentType: (headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '',
    text: Buffer.concat(chunks).toString('utf8')
  }
}
