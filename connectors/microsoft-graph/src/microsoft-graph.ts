import { defineConnector } from '@latchkey/connector-sdk'

/**
 * Microsoft Graph: Microsoft 365 through Microsoft Graph. The directory (tenant) is a parameter; `offline_access` is always requested for a refresh token.
 *
 * @see https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow
 */
export const microsoftGraph = defineConnector({
  key: 'microsoft-graph',
  name: 'Microsoft Graph',
  version: '1.0.0',
  description: 'Microsoft 365 through Microsoft Graph.',
  docsUrl: 'https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow',
  parameters: [
    {
      key: 'tenant',
      label: 'Directory (tenant)',
      default: 'common',
      pattern: '[A-Za-z0-9.-]+',
      patternMessage: 'A tenant id, a domain such as contoso.onmicrosoft.com, or common',
      helpText: 'Use common for any Microsoft account, or your directory id.'
    }
  ],
  auth: {
    kind: 'oauth2',
    grant: 'authorization_code',
    authorizeUrl: 'https://login.microsoftonline.com/{{parameters.tenant}}/oauth2/v2.0/authorize',
    tokenUrl: 'https://login.microsoftonline.com/{{parameters.tenant}}/oauth2/v2.0/token',
    clientAuthMethod: 'client_secret_post',
    scopes: {
      'User.Read': 'Sign in and read the user profile',
      'Mail.Read': 'Read mail',
      'Files.Read.All': 'Read all files the user can access',
      'Calendars.Read': 'Read calendars'
    },
    defaultScopes: ['User.Read'],
    customerSelectsScopes: true,
    offlineAccess: { scope: 'offline_access' }
  },
  http: { baseUrl: 'https://graph.microsoft.com/v1.0' },
  verification: { path: '/me', identity: { user: 'userPrincipalName', name: 'displayName' } }
})
