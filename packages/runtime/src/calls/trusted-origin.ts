import { isIP } from 'node:net'
import { TemplateError, checkEndpointUrl, placeholderParts, renderUrlTemplate } from '@latchkey/connector-sdk'
import type { TemplateValues } from '@latchkey/connector-sdk'
import { RuntimeError } from '../errors.js'

/**
 * Whether a host matches a pattern of `http.originHosts`: the same host, or, for `*.` and a
 * domain, exactly one label before that domain (never an IP address).
 * @see https://www.rfc-editor.org/rfc/rfc6125#section-6.4.3
 */
function matchesHost(hostname: string, pattern: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '')
  const wanted = pattern.toLowerCase()
  if (!wanted.startsWith('*.')) return host === wanted
  if (host.startsWith('[') || isIP(host) !== 0) return false
  const domain = wanted.slice(1)
  return host.endsWith(domain) && host.length > domain.length && !host.slice(0, -domain.length).includes('.')
}

/**
 * Checks the API origin a base URL takes from a placeholder, such as Salesforce's
 * `{{metadata.instance_url}}` from the token answer, against the connector's
 * `http.originHosts`: the origin must be an https URL (plain http for loopback hosts only)
 * without user info, on a host one pattern matches. Otherwise a counterfeit or tampered token
 * answer would choose where the token is sent. A base URL whose origin is written out (a
 * customer's subdomain in a fixed domain included) is not concerned.
 *
 * Called where the base URL is rendered for a call, and when a connection is made.
 *
 * @param template - the base URL template in force: the tenant app's override, else `http.baseUrl`
 * @param originHosts - the connector's `http.originHosts`; none declared trusts no origin
 * @param values - the connection's template values (its `metadata` holds the kept token fields)
 * @throws {RuntimeError} `untrusted_origin` when the origin is missing, malformed or untrusted: the
 *   connection has to be connected again (once the provider answers with one of its own hosts).
 */
export function checkTrustedOrigin(
  template: string | undefined,
  originHosts: readonly string[] | undefined,
  values: TemplateValues
): void {
  const origin =
    template === undefined ? undefined : placeholderParts(template).find(({ part }) => part === 'origin')?.placeholder
  if (origin === undefined || template === undefined) return
  const where = `{{${origin.name}}}`
  const refuse = (why: string): never => {
    throw new RuntimeError(
      'untrusted_origin',
      `the provider's answer named an untrusted API host for ${where}: ${why}; nothing was sent there, and the connection must be connected again`
    )
  }
  let rendered: string
  try {
    rendered = renderUrlTemplate(template.slice(origin.start, origin.end), values)
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error
    return refuse(error.message)
  }
  const problem = checkEndpointUrl(rendered)
  if (problem !== undefined) return refuse(`it ${problem}`)
  const { hostname } = new URL(rendered)
  if (originHosts === undefined || originHosts.length === 0)
    return refuse(`${JSON.stringify(hostname)}, and the connector declares no http.originHosts to trust`)
  if (!originHosts.some((pattern) => matchesHost(hostname, pattern)))
    return refuse(`${JSON.stringify(hostname)} is not one of http.originHosts (${originHosts.join(', ')})`)
}
