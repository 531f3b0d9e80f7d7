/**
 * A high surrogate not followed by a low one, or a low surrogate not preceded by a high
 * one. Without the `u` flag the pattern sees UTF-16 code units, which is what is needed.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/**
 * Makes a text a provider sent storable and printable: U+0000 and unpaired UTF-16
 * surrogates become U+FFFD (the replacement character); everything else, pairs included, is
 * kept, so the length does not change. PostgreSQL refuses U+0000 in `text` and `jsonb`, and
 * a lone surrogate escape (`\ud800`) in `jsonb`; a provider's scope or error description
 * carrying one would otherwise fail the write after the authorization code was spent.
 *
 * @see https://www.postgresql.org/docs/current/datatype-json.html
 * @see https://infra.spec.whatwg.org/#scalar-value-string
 */
export function sanitizeProviderText(text: string): string {
  return text.replaceAll('\u0000', '\uFFFD').replace(LONE_SURROGATE, '\uFFFD')
}

/** Whether a text holds something {@link sanitizeProviderText} would replace. */
export function hasUnstorableText(text: string): boolean {
  if (text.includes('\u0000')) return true
  LONE_SURROGATE.lastIndex = 0
  const found = LONE_SURROGATE.test(text)
  LONE_SURROGATE.lastIndex = 0
  return found
}

/**
 * {@link sanitizeProviderText} applied to every string of a JSON value a provider sent,
 * object member names included; numbers, booleans and `null` are kept. Walks without
 * recursion, so a deeply nested answer cannot overflow the stack.
 */
export function sanitizeProviderValue(value: unknown): unknown {
  if (typeof value === 'string') return sanitizeProviderText(value)
  if (value === null || typeof value !== 'object') return value
  const root: { value: unknown } = { value: undefined }
  const pending: { source: unknown; assign: (copy: unknown) => void }[] = [
    { source: value, assign: (copy) => (root.value = copy) }
  ]
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { source, assign } = next
    if (typeof source === 'string') {
      assign(sanitizeProviderText(source))
    } else if (Array.isArray(source)) {
      const copy: unknown[] = new Array<unknown>(source.length)
      assign(copy)
      source.forEach((item: unknown, index) => pending.push({ source: item, assign: (c) => (copy[index] = c) }))
    } else if (source !== null && typeof source === 'object') {
      const copy: Record<string, unknown> = {}
      assign(copy)
      // Members are created in order now and filled in when their turn comes; defining (not
      // assigning) keeps a member named `__proto__` an own property, as JSON.parse makes it.
      const define = (name: string, item: unknown) =>
        Object.defineProperty(copy, name, { value: item, enumerable: true, writable: true, configurable: true })
      for (const [key, item] of Object.entries(source)) {
        const name = sanitizeProviderText(key)
        define(name, undefined)
        pending.push({ source: item, assign: (c) => define(name, c) })
      }
    } else {
      assign(source)
    }
  }
  return root.value
}
