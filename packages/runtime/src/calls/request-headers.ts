import type { Issue } from '@latchkey/connector-sdk'

/** Headers that belong to one hop (and `Host`): never forwarded, never set by callers. */
export const HOP_BY_HOP: ReadonlySet<string> = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host'
])
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/

/** Every problem with a caller's headers, by path (`body.headers.<name>`); `credentialHeaders` are lower-case. */
export function checkHeaders(
  headers: Readonly<Record<string, string>>,
  credentialHeaders: ReadonlySet<string>
): Issue[] {
  const issues: Issue[] = []
  for (const [name, value] of Object.entries(headers)) {
    const path = `body.headers.${name}`
    const lower = name.toLowerCase()
    if (!HEADER_NAME.test(name)) issues.push({ path, message: 'is not a valid header name' })
    else if (/[\r\n]/.test(value) || value.includes(String.fromCharCode(0)))
      issues.push({ path, message: 'must not contain line breaks' })
    // What a header can carry on the wire (RFC 9110 field-value: tab, visible ASCII, obs-text bytes).
    else if (/[^\t\x20-\x7e\x80-\xff]/.test(value))
      issues.push({
        path,
        message: 'has characters a header cannot carry (beyond Latin-1, or control characters): encode them first'
      })
    else if (HOP_BY_HOP.has(lower))
      issues.push({ path, message: 'is a hop-by-hop or Host header, which callers cannot set' })
    else if (credentialHeaders.has(lower))
      issues.push({ path, message: 'is where Latchkey puts the credential; callers cannot set it' })
  }
  return issues
}

/** An upstream's headers as a flat, lower-case record, hop-by-hop ones dropped. */
export function flatHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || HOP_BY_HOP.has(name.toLowerCase())) continue
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value
  }
  return out
}
