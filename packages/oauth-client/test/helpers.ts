import type { ConnectorDefinitionJson, OAuth2AuthorizationCodeAuth } from '@latchkey/connector-sdk'
import type { OAuth2ConnectorJson } from '@latchkey/testkit'
import { testConnector } from '@latchkey/testkit'
import type { AuthorizationServer, QuirkyProvider } from '@latchkey/testkit'
import type { OAuthContext } from '../src/index.js'
import { OAuthError } from '../src/index.js'

export const REDIRECT_URI = 'http://127.0.0.1:3999/oauth/callback/'

/** A connector pointed at a test server. */
export const connectorFor = (
  server: AuthorizationServer | QuirkyProvider,
  auth: Partial<OAuth2AuthorizationCodeAuth> = {}
): OAuth2ConnectorJson => testConnector(server, auth)

export function contextFor(
  definition: OAuth2ConnectorJson | ConnectorDefinitionJson,
  clientId: string,
  clientSecret?: string
): OAuthContext {
  return { definition, client: { clientId, clientSecret } }
}

/** Runs a function that must throw an OAuthError and returns the error. */
export function oauthFailureOf(run: () => unknown): OAuthError {
  try {
    run()
  } catch (error) {
    if (error instanceof OAuthError) return error
    throw error
  }
  throw new Error('expected an OAuthError')
}

/** Runs a promise that must fail with an OAuthError and returns the error. */
export async function oauthFailure(promise: Promise<unknown>): Promise<OAuthError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof OAuthError) return error
    throw error
  }
  throw new Error('expected an OAuthError')
}

/**
 * What PostgreSQL refuses in text and jsonb: U+0000, and a surrogate without its other half
 * (written here independently of the package's own check).
 */
export function isUnstorable(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i)
    if (unit === 0) return true
    const high = unit >= 0xd800 && unit <= 0xdbff
    const low = unit >= 0xdc00 && unit <= 0xdfff
    const nextLow = i + 1 < text.length && text.charCodeAt(i + 1) >= 0xdc00 && text.charCodeAt(i + 1) <= 0xdfff
    if (high && !nextLow) return true
    if (high) i++
    else if (low) return true
  }
  return false
}
