import { OAuthError } from './errors.js'
import type { OAuthEndpoint } from './errors.js'
import { sendToEndpoint } from './http.js'
import type { HttpOptions } from './options.js'

/**
 * Reads the first of several well-known metadata URLs that answers a JSON object (RFC 8414,
 * RFC 9728). What the others answered is pushed to `problems`, for the error when none does.
 * When none does and one of them failed as a server does (5xx, or 429), that is the answer:
 * the metadata may well be there once the server recovers, so it is worth trying again.
 * @throws {OAuthError} as `sendToEndpoint`, for a transport failure; `server_error` or `temporarily_unavailable` (retryable) for a failing server.
 */
export async function firstMetadataDocument(
  endpoint: Extract<OAuthEndpoint, 'discovery' | 'resource'>,
  urls: readonly string[],
  options: HttpOptions,
  problems: string[]
): Promise<{ url: string; metadata: Record<string, unknown> } | undefined> {
  let failing: number | undefined
  for (const url of urls) {
    const answer = await sendToEndpoint(
      { endpoint, url, method: 'GET', headers: { accept: 'application/json' } },
      options
    )
    if (answer.status !== 200) {
      problems.push(`${url} answered ${answer.status}`)
      if (answer.status >= 500 || answer.status === 429) failing = answer.status
      continue
    }
    let metadata: unknown
    try {
      metadata = JSON.parse(answer.text)
    } catch {
      metadata = undefined
    }
    if (typeof metadata === 'object' && metadata !== null && !Array.isArray(metadata))
      return { url, metadata: metadata as Record<string, unknown> }
    problems.push(`${url} did not answer JSON`)
  }
  if (failing !== undefined)
    throw new OAuthError(failing === 429 ? 'temporarily_unavailable' : 'server_error', { endpoint, status: failing })
  return undefined
}
