import type { ConnectorDefinitionJson, OAuth2AuthorizationCodeAuth } from '@latchkey/connector-sdk'

/** A JSON definition whose one scheme is OAuth 2.0 authorization code. */
export type OAuth2ConnectorJson = Omit<ConnectorDefinitionJson, 'auth'> & { auth: OAuth2AuthorizationCodeAuth }

/** The endpoints of a test server (either kind). */
export interface TestServerEndpoints {
  readonly authorizeUrl: string
  readonly tokenUrl: string
  readonly revokeUrl: string
  readonly apiBaseUrl: string
  readonly issuer?: string
}

/**
 * A connector definition pointed at a test server: scopes `read` and `write`, `read` by
 * default, revocation on. `auth` replaces any of its auth fields.
 */
export function testConnector(
  server: TestServerEndpoints,
  auth: Partial<OAuth2AuthorizationCodeAuth> = {},
  key = 'test'
): OAuth2ConnectorJson {
  return {
    key,
    name: key === 'sandbox' ? 'Sandbox' : 'Test',
    version: '1.0.0',
    auth: {
      kind: 'oauth2',
      grant: 'authorization_code',
      authorizeUrl: server.authorizeUrl,
      tokenUrl: server.tokenUrl,
      revokeUrl: server.revokeUrl,
      scopes: { read: 'Read', write: 'Write' },
      defaultScopes: ['read'],
      ...auth
    },
    http: { baseUrl: server.apiBaseUrl }
  }
}

/**
 * A connector for MCP servers the end customer names by URL (a `serverUrl` parameter): the
 * server's RFC 9728 metadata names its authorization server, the OAuth client registers
 * itself there (RFC 7591), calls go to the server, and tokens only to loopback hosts.
 */
export function testMcpConnector(key = 'mcp'): ConnectorDefinitionJson {
  return {
    key,
    name: 'MCP server',
    version: '1.0.0',
    parameters: [{ key: 'serverUrl', label: 'Server URL', helpText: 'The address of the MCP server.' }],
    auth: {
      kind: 'oauth2',
      grant: 'authorization_code',
      protectedResource: '{{parameters.serverUrl}}',
      clientRegistration: 'dynamic',
      scopes: { read: 'Read', write: 'Write' },
      defaultScopes: ['read']
    },
    http: { baseUrl: '{{parameters.serverUrl}}', originHosts: ['127.0.0.1'] }
  }
}
