import type { Test } from 'tap'
import { startQuirkyProvider, testConnector } from '@latchkey/testkit'
import type { QuirkyModes, QuirkyProvider } from '@latchkey/testkit'
import type { ConnectorDefinitionJson } from '@latchkey/connector-sdk'
import type { LightMyRequestResponse } from 'fastify'
import type { Harness } from './harness.js'
import { deliverCallback, startHarness, startInBrowser } from './harness.js'

/** A connection to the quirky provider made through the real connect flow. */
export interface QuirkyConnection {
  readonly h: Harness
  readonly quirky: QuirkyProvider
  readonly tenant: { id: string; apiKey: string }
  readonly id: string
  /** The callback page the browser ended on. */
  readonly page: string
  /** `POST /v1/connections/:id/http` with the tenant's key. */
  http(body: Record<string, unknown>): Promise<LightMyRequestResponse>
  /** `GET /v1/connections/:id/proxy/<path>` with the tenant's key. */
  proxy(path: string): Promise<LightMyRequestResponse>
}

/**
 * A tenant's custom connector `quirky` pointed at the quirky provider (API below
 * `/api/v2` unless `definition` says otherwise), connected through start link, provider
 * and callback.
 */
export async function connectToQuirky(
  t: Test,
  options: {
    modes?: Partial<QuirkyModes>
    definition?: (definition: ConnectorDefinitionJson, quirky: QuirkyProvider) => void
    refusalExpected?: boolean
  } = {}
): Promise<QuirkyConnection> {
  const h = await startHarness(t)
  const quirky = await startQuirkyProvider({
    clientId: 'quirky-app',
    clientSecret: 'quirky-secret',
    modes: options.modes ?? {}
  })
  t.teardown(() => quirky.close())
  const tenant = await h.createTenant()
  const definition: ConnectorDefinitionJson = testConnector(quirky, {}, 'quirky')
  definition.http = { baseUrl: `${quirky.apiBaseUrl}/v2` }
  options.definition?.(definition, quirky)
  const created = await h.call('POST', '/v1/connectors', { apiKey: tenant.apiKey, body: definition })
  if (created.statusCode !== 201) throw new Error(`connector: ${created.body}`)
  await h.call('PUT', '/v1/connectors/quirky/app', {
    apiKey: tenant.apiKey,
    body: { clientId: 'quirky-app', clientSecret: 'quirky-secret' }
  })
  const id = (
    (await h.call('POST', '/v1/connections', { apiKey: tenant.apiKey, body: { connector: 'quirky' } })).json() as {
      id: string
    }
  ).id
  const { providerUrl, cookie } = await startInBrowser(h, tenant.apiKey, id)
  const location = (await fetch(providerUrl, { redirect: 'manual' })).headers.get('location') ?? ''
  const page = await deliverCallback(h, new URL(location), cookie)
  if (options.refusalExpected !== true && !page.body.includes('Authorization completed successfully'))
    throw new Error(`callback: ${page.body}`)
  return {
    h,
    quirky,
    tenant,
    id,
    page: page.body,
    http: (body) => h.call('POST', `/v1/connections/${id}/http`, { apiKey: tenant.apiKey, body }),
    proxy: (path) => h.call('GET', `/v1/connections/${id}/proxy/${path}`, { apiKey: tenant.apiKey })
  }
}
