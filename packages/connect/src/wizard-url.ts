import type { ConnectOptions } from './connect.js'

/**
 * The wizard's address for {@link connect}: the session's `url`, or
 * `${baseUrl}/connect/#session=<sessionToken>`, with `embed`, `origin` and `connector` added
 * to its fragment (URLSearchParams syntax, the fragment's other parameters kept). The wizard
 * posts its messages to `origin` only, once it has checked it against the tenant's allowed
 * embedding origins.
 *
 * @param hostOrigin - the embedding page's `window.location.origin`
 * @throws TypeError naming the option at fault when the options are not exactly one of `url`
 *   or `sessionToken` with `baseUrl`, or one of them is malformed.
 */
export function wizardUrl(options: ConnectOptions, hostOrigin: string): URL {
  if (typeof options !== 'object' || options === null)
    throw new TypeError('connect: expected an options object, such as { url }')
  const { url, sessionToken, baseUrl, connector, mode = 'modal', onEvent } = options
  if (mode !== 'modal' && mode !== 'popup')
    throw new TypeError(`connect: \`mode\` must be 'modal' or 'popup', not ${describe(mode)}`)
  if (connector !== undefined && (typeof connector !== 'string' || connector === ''))
    throw new TypeError(`connect: \`connector\` must be a connector key such as 'github', not ${describe(connector)}`)
  if (onEvent !== undefined && typeof onEvent !== 'function')
    throw new TypeError(`connect: \`onEvent\` must be a function, not ${describe(onEvent)}`)

  let target: URL
  const fragment = new URLSearchParams()
  if (url !== undefined) {
    if (sessionToken !== undefined)
      throw new TypeError('connect: pass either `url` or `sessionToken` (with `baseUrl`), not both')
    if (baseUrl !== undefined)
      throw new TypeError('connect: `baseUrl` goes with `sessionToken`; `url` is already the whole wizard address')
    target = absoluteUrl(url, 'url')
    // The session's URL is opaque but for its fragment, whose parameters (the token) are kept.
    new URLSearchParams(target.hash.slice(1)).forEach((value, key) => fragment.append(key, value))
  } else if (sessionToken !== undefined) {
    if (typeof sessionToken !== 'string' || sessionToken === '')
      throw new TypeError('connect: `sessionToken` must be the `token` that POST /v1/connect-sessions answered')
    if (baseUrl === undefined)
      throw new TypeError(
        'connect: `baseUrl` (where Latchkey is, e.g. https://latchkey.example) goes with `sessionToken`'
      )
    // Latchkey lets a page frame the wizard only when the address names its session (`?s=` in
    // the session's `url`): from a token alone it cannot tell whose origins may.
    if (mode === 'modal')
      throw new TypeError(
        "connect: `sessionToken` opens the wizard with mode 'popup' only; for the modal pass the session's `url`, which lets Latchkey allow your origin to frame it"
      )
    const base = absoluteUrl(baseUrl, 'baseUrl')
    if (base.search !== '' || base.hash !== '')
      throw new TypeError('connect: `baseUrl` must be an address without a query or fragment')
    target = new URL(`${base.href.replace(/\/+$/, '')}/connect/`)
    fragment.set('session', sessionToken)
  } else {
    throw new TypeError('connect: pass `url` (from POST /v1/connect-sessions), or `sessionToken` with `baseUrl`')
  }

  fragment.set('embed', mode)
  fragment.set('origin', hostOrigin)
  if (connector !== undefined) fragment.set('connector', connector)
  target.hash = fragment.toString()
  return target
}

/** Parses an http(s) address, so that no `javascript:` or `data:` URL ever becomes the iframe's or popup's address. */
function absoluteUrl(value: unknown, option: 'url' | 'baseUrl'): URL {
  // The value itself stays out of these messages: a wizard URL carries the session token.
  const problem = `connect: \`${option}\` must be an absolute http: or https: address`
  if (typeof value !== 'string') throw new TypeError(`${problem}, not ${typeof value}`)
  let parsed: URL
  try {
    parsed = new URL(value)
  } catch (cause) {
    throw new TypeError(problem, { cause })
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    throw new TypeError(`${problem}, not a ${parsed.protocol} one`)
  return parsed
}

/** Quotes a bad option value for an error message: strings as written, other values by their kind. */
function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value)
  if (value === null || typeof value !== 'object') return typeof value === 'function' ? 'a function' : String(value)
  return Array.isArray(value) ? 'an array' : 'an object'
}
