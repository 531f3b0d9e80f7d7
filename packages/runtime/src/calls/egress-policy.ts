import { lookup as dnsLookup } from 'node:dns'
import type { LookupAddress, LookupOptions } from 'node:dns'
import { createRequire } from 'node:module'
import { isIP } from 'node:net'
import type * as IpAddr from 'ipaddr.js'
import { Agent, buildConnector } from 'undici'
import type { Dispatcher } from 'undici'

/** An outbound request was refused by the egress policy. */
export class EgressDeniedError extends Error {
  override readonly name = 'EgressDeniedError'
  readonly code = 'ERR_EGRESS_DENIED' as const
}

// ipaddr.js is CommonJS assigning `module.exports` whole, which ESM cannot import by name.
const ipaddr = createRequire(import.meta.url)('ipaddr.js') as typeof IpAddr

/**
 * The IPv4 address an IPv6 address carries in its last 32 bits, for the two forms that stand
 * for it: IPv4-mapped (`::ffff:a.b.c.d`, `::ffff:7f00:1`) and the deprecated IPv4-compatible
 * (`::a.b.c.d`, `::7f00:1`), so neither is a way around the IPv4 rules. (`::1` reads as
 * 0.0.0.1, refused like the IPv6 loopback it is.)
 * @see https://www.rfc-editor.org/rfc/rfc4291#section-2.5.5
 */
function embeddedIPv4(address: IpAddr.IPv6): IpAddr.IPv4 | undefined {
  if (address.isIPv4MappedAddress()) return address.toIPv4Address()
  const [high = 0, low = 0] = address.parts.slice(6)
  const compatible = address.parts.slice(0, 6).every((part) => part === 0) && (high !== 0 || low !== 0)
  return compatible ? new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]) : undefined
}

/**
 * Whether an IP address is anything but public unicast: loopback, private, link-local (cloud
 * metadata), CGNAT, unspecified, broadcast, multicast, documentation, benchmarking, reserved,
 * unique-local, 6to4, Teredo, NAT64... Everything ipaddr.js does not class as `unicast` is
 * denied; IPv4-mapped and IPv4-compatible IPv6 addresses are judged by their IPv4 address.
 * Text that is not an IP address is not one (`false`).
 * @see https://www.iana.org/assignments/iana-ipv4-special-registry/
 * @see https://www.iana.org/assignments/iana-ipv6-special-registry/
 */
export function isPrivateAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '')
  if (isIP(bare) === 0) return false
  let parsed: IpAddr.IPv4 | IpAddr.IPv6
  try {
    parsed = ipaddr.parse(bare)
  } catch {
    // Node takes it for an address but ipaddr.js cannot read it: refuse rather than guess.
    return true
  }
  const judged = parsed instanceof ipaddr.IPv6 ? (embeddedIPv4(parsed) ?? parsed) : parsed
  return judged.range() !== 'unicast'
}

/** Whether a host name is refused by name alone (`localhost`, `*.localhost`) or is a private literal. */
export function isDeniedHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '')
  return host === 'localhost' || host.endsWith('.localhost') || isPrivateAddress(host)
}

/** Options of {@link createEgressDispatcher}. */
export interface EgressOptions {
  /** Allow loopback and private targets (development, tests, on-premise providers). @defaultValue `false` */
  readonly allowPrivateNetwork?: boolean
  /** @defaultValue `5000` */
  readonly connectTimeoutMs?: number
  /**
   * TLS settings of every connection: a client certificate and its key (mutual TLS), and
   * the CAs trusted (Node's own unless given). Verification of the server is never off.
   */
  readonly tls?: { readonly cert?: string; readonly key?: string; readonly ca?: readonly string[] }
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void

/**
 * The one dispatcher for every outbound request Latchkey makes (token, refresh, revoke and
 * API calls). Unless private networks are allowed, it refuses every address that is not
 * public unicast ({@link isPrivateAddress}) and `*.localhost` targets, checked on the
 * address actually connected to (after DNS, so a public name resolving to a private
 * address is caught) and on every connection, hence on every redirect hop too.
 */
export function createEgressDispatcher(options: EgressOptions = {}): Dispatcher {
  const allowPrivate = options.allowPrivateNetwork ?? false
  const lookup = (hostname: string, lookupOptions: LookupOptions, callback: LookupCallback): void => {
    dnsLookup(hostname, { ...lookupOptions, all: true }, (error, addresses) => {
      if (error !== null) return callback(error, [])
      const denied = addresses.find((a) => isPrivateAddress(a.address))
      if (!allowPrivate && denied !== undefined) {
        return callback(
          Object.assign(
            new EgressDeniedError(`${hostname} resolves to ${denied.address}, a private or local address`),
            { code: 'ERR_EGRESS_DENIED' }
          ),
          []
        )
      }
      if (lookupOptions.all === true) return callback(null, addresses)
      const first = addresses[0]
      if (first === undefined)
        return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), [])
      return callback(null, first.address, first.family)
    })
  }
  const connector = buildConnector({
    timeout: options.connectTimeoutMs ?? 5_000,
    lookup,
    ...(options.tls?.cert === undefined ? {} : { cert: options.tls.cert }),
    ...(options.tls?.key === undefined ? {} : { key: options.tls.key }),
    ...(options.tls?.ca === undefined ? {} : { ca: [...options.tls.ca] })
  } as buildConnector.BuildOptions)
  return new Agent({
    connect: (connectOptions, callback) => {
      if (!allowPrivate && isDeniedHost(connectOptions.hostname)) {
        callback(
          Object.assign(new EgressDeniedError(`${connectOptions.hostname} is a private or local address`), {
            code: 'ERR_EGRESS_DENIED'
          }),
          null
        )
        return
      }
      connector(connectOptions, callback)
    }
  })
}
