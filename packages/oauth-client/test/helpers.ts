import type { ConnectorDefinitionJson, OAuth2AuthorizationCodeAuth } from '@latchkey/connector-sdk'
import type { OAuth2ConnectorJson } from '@latchkey/testkit'
import { testConnector } from '@latchkey/testkit'
import type { AuthorizationServer, QuirkyProvider } from '@latchkey/testkit'
import type { OAuthContext } from '../src/index.js'
import { OAuthError } from '../src/index.js'

export const REDIRECT_URI = 'http://127.0.0.1:3999/oauth/callback/'

/** A connector pointed at a test server. */
export const connectorFor = (server: AuthorizationServer | QuirkyProvider, auth: Partial<OAuth2AuthorizationCodeAuth> = {}): OAuth2ConnectorJson => testConnector(server, auth)

export function contextFor(definition: OAuth2ConnectorJson | ConnectorDefinitionJson, clientId: string, clientSecret?: string): OAuthContext {
  return { definition, client: { clientId, clientSecret } }
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
