import type { ConnectorDefinitionInput, OAuth2AuthorizationCodeAuth } from '../src/index.js'

/** A valid OAuth 2.0 definition that each test bends in one place. */
export function validDefinition(): Omit<ConnectorDefinitionInput, 'auth'> & { auth: OAuth2AuthorizationCodeAuth } {
  return {
    key: 'acme',
    name: 'Acme',
    version: '1.0.0',
    parameters: [
      {
        key: 'tenant',
        label: 'Tenant',
        type: 'text',
        pattern: '[a-z0-9-]+',
        patternMessage: 'Tenant is lower-case letters, digits and dashes'
      },
      {
        key: 'region',
        label: 'Region',
        type: 'dropdown',
        options: [{ value: 'us' }, { value: 'eu', label: 'Europe' }],
        default: 'us'
      }
    ],
    configValues: [{ key: 'apiVersion', label: 'API version', value: 'v2' }],
    auth: {
      kind: 'oauth2',
      grant: 'authorization_code',
      authorizeUrl: 'https://{{parameters.tenant}}.acme.example/oauth/authorize',
      tokenUrl: 'https://{{parameters.tenant}}.acme.example/oauth/token',
      revokeUrl: 'https://{{parameters.tenant}}.acme.example/oauth/revoke',
      scopes: { read: 'Read things', write: 'Write things', admin: 'Administer' },
      defaultScopes: ['read'],
      authorizeParams: { audience: '{{config.apiVersion}}' },
      tokenResponse: { keepFields: ['instance_url'] },
      callbackParams: ['realmId']
    },
    http: { baseUrl: '{{metadata.instance_url}}/api/{{config.apiVersion}}', originHosts: ['*.acme.example'] }
  }
}
