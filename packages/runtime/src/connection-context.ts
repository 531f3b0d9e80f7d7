import { resolveConfigValues } from '@latchkey/connector-sdk'
import type { ConnectorDefinition, ConnectorDefinitionJson } from '@latchkey/connector-sdk'
import type { OAuthContext } from '@latchkey/oauth-client'
import type { Connection, Store } from '@latchkey/store'
import { RuntimeError } from './errors.js'

/** Parameter values of type password are stored encrypted, marked with this prefix. */
const ENCRYPTED = 'enc:'

/** Encrypts the password parameters before they are stored. */
export async function sealParameters(store: Store, definition: ConnectorDefinition | ConnectorDefinitionJson, values: Readonly<Record<string, string>>): Promise<Record<string, string>> {
  const secret = new Set((definition.parameters ?? []).filter((p) => p.type === 'password').map((p) => p.key))
  const out: Record<string, string> = {}
  for (const [key, value] of Object.entries(values)) out[key] = secret.has(key) ? ENCRYPTED + (await store.cipher.encrypt(value)) : value
  return out
}

/** Decrypts stored parameters for use in templates. */
export async function openParameters(store: Store, stored: Readonly<Record<string, string>>): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  for (const [key, value] of Object.entries(stored)) out[key] = value.startsWith(ENCRYPTED) ? await store.cipher.decrypt(value.slice(ENCRYPTED.length)) : value
  return out
}

/** Stored parameters as the API shows them: password values masked. */
export function visibleParameters(stored: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(stored).map(([key, value]) => [key, value.startsWith(ENCRYPTED) ? '********' : value]))
}

/**
 * Everything the OAuth client needs for one connection: the definition, the client (the
 * tenant's app, or the customer's own), parameters, config values and the app's overrides.
 *
 * @throws {RuntimeError} `conflict` when a developer-owned connector has no app yet.
 */
export async function connectionContext(store: Store, definition: ConnectorDefinition | ConnectorDefinitionJson, connection: Connection, customerClient?: { clientId: string; clientSecret: string }): Promise<OAuthContext & { appScopes: readonly string[] | null }> {
  const parameters = await openParameters(store, connection.parameters)
  const config = resolveConfigValues(definition, parameters)
  const customer = customerClient ?? (await store.connections.client(connection))
  if (customer !== undefined) return { definition, client: customer, parameters, config, appScopes: null }
  const app = await store.apps.get(connection.tenant_id, connection.connector_key)
  if (app === undefined) {
    throw new RuntimeError('conflict', `the OAuth app for "${connection.connector_key}" is not set: PUT /v1/connectors/${connection.connector_key}/app with its client id and secret first`)
  }
  return { definition, client: { clientId: app.clientId, clientSecret: app.clientSecret }, parameters, config, overrides: app.overrides, appScopes: app.scopes }
}
