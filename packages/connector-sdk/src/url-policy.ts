/** Whether a host name is a loopback address (`localhost`, `127.0.0.0/8`, `::1`). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '')
  if (host === 'localhost' || host.endsWith('.localhost')) return true
  if (host === '::1') return true
  return /^127(?:\.\d{1,3}){3}$/.test(host)
}

/**
 * Checks a URL that Latchkey will send credentials to or through.
 * Absolute `https` only; plain `http` is allowed for loopback hosts (development and tests).
 * User info and fragments are refused.
 *
 * @returns a sentence describing the problem, or `undefined` when the URL is acceptable.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-3.1 (TLS is required on every endpoint)
 */
export function checkEndpointUrl(value: string): string | undefined {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return `must be an absolute https URL (got ${JSON.stringify(value)})`
  }
  if (url.protocol === 'http:') {
    if (!isLoopbackHost(url.hostname)) {
      return `must be an absolute https URL; plain http is only allowed for loopback hosts (got ${JSON.stringify(value)})`
    }
  } else if (url.protocol !== 'https:') {
    return `must be an absolute https URL (got ${JSON.stringify(value)})`
  }
  if (url.username !== '' || url.password !== '') return 'must not carry a user name or password'
  if (url.hash !== '') return `must not contain a #fragment (got ${JSON.stringify(value)})`
  return undefined
}
