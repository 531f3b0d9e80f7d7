import type { OAuthEndpoint } from './errors.js'
import { sendToEndpoint } from './http.js'
import type { HttpOptions } from './options.js'

/**
 * Reads the first of several well-known metadata URLs that answers a JSON object (RFC 8414,
 * RFC 9728). What the others answered is pushed to `problems`, for the error when none does.
 * @throws {OAuthError} as `sendToEndpoint`, for a transport failure.
 */
export async function firstMetadataDocument(
  endpoint: Extract<OAuthEndpoint, 'discovery' | 'resource'>,
  urls: readonly string[],
  options: HttpOptions,
  problems: string[]
): Promise<{ url: string; metadata: Record<string, unknown> } | undefined> {
  for (const url of urls) {
    const answer = await sendToEndpoint(
      { endpoint, url, method: 'GET', headers: { accept: 'application/json' } },
      options
    )
    if (answer.status !== 200) {
      problems.push(`${url} answered ${answer.status}`)
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
  return undefined
}
