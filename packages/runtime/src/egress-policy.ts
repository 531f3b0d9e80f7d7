import { lookup as dnsLookup } from 'node:dns'
import type { LookupAddress, LookupOptions } from 'node:dns'
import { BlockList, isIP } from 'node:net'
import { Agent, buildConnector } from 'undici'
import type { Dispatcher } from 'undici'

/** An outbound request was refused by the egress policy. */
export class EgressDeniedError extends Error {
  override readonly name = 'EgressDeniedError'
  readonly code = 'ERR_EGRESS_DENIED' as const
}

/** Addresses no connector may reach unless the operator allows it: loopback, private, link-local (cloud metadata), unspecified, multicast, reserved. */
const PRIVATE = new BlockList()
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4]
] as const) {
  PRIVATE.addSubnet(network, prefix, 'ipv4')
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96]
] as const) {
  PRIVATE.addSubnet(network, prefix, 'ipv6')
}

/** Whether an IP address is loopback, private, link-local or otherwise not on the public internet. */
export function isPrivateAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '')
  const family = isIP(bare)
  if (family === 0) return false
  if (family === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare)?.[1]
    if (mapped !== undefined) return PRIVATE.check(mapped, 'ipv4')
    return PRIVATE.check(bare, 'ipv6')
  }
  return PRIVATE.check(bare, 'ipv4')
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
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void

/**
 * The one dispatcher for every outbound request Latchkey makes (token, refresh, revoke and
 * API calls). Unless private networks are allowed, it refuses loopback, private,
 * link-local (cloud metadata), unspecified and `*.localhost` targets, checked on the
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
        return callback(Object.assign(new EgressDeniedError(`${hostname} resolves to ${denied.address}, a private or local address`), { code: 'ERR_EGRESS_DENIED' }), [])
      }
      if (lookupOptions.all === true) return callback(null, addresses)
      const first = addresses[0]
      if (first === undefined) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), [])
      return callback(null, first.address, first.family)
    })
  }
  const connector = buildConnector({ timeout: options.connectTimeoutMs ?? 5_000, lookup } as buildConnector.BuildOptions)
  return new Agent({
    connect: (connectOptions, callback) => {
      if (!allowPrivate && isDeniedHost(connectOptions.hostname)) {
        callback(Object.assign(new EgressDeniedError(`${connectOptions.hostname} is a private or local address`), { code: 'ERR_EGRESS_DENIED' }), null)
        return
      }
      connector(connectOptions, callback)
    }
  })
}
