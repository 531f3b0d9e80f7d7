import { API_KEY_PLACEHOLDER, resolveTokenPlacement } from '@latchkey/connector-sdk'
import type { DeepReadonly, HttpDefinition, ResolvedAuthScheme } from '@latchkey/connector-sdk'

/** Where the credential goes on API calls, for every scheme. */
export interface Injection {
  readonly in: 'header' | 'query'
  readonly name: string
  /** The value sent, from the stored access token (the API key, the Basic credentials, the OAuth token). */
  readonly value: (accessToken: string) => string
}

export function injectionFor(scheme: ResolvedAuthScheme, http: DeepReadonly<HttpDefinition>): Injection {
  if (scheme.kind === 'apiKey')
    return { in: scheme.in, name: scheme.name, value: (key) => scheme.template.replace(API_KEY_PLACEHOLDER, key) }
  if (scheme.kind === 'basic')
    return { in: 'header', name: 'Authorization', value: (credentials) => `Basic ${credentials}` }
  const placement = resolveTokenPlacement(http.tokenPlacement)
  return { in: placement.in, name: placement.name, value: (token) => `${placement.prefix}${token}` }
}
