import type { Static, TObject } from 'typebox'
import { Value } from 'typebox/value'

/** The configuration is not usable; `problems` lists every bad variable at once. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError'
  readonly code = 'ERR_CONFIG' as const
  constructor(readonly problems: readonly string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`)
  }
}

/**
 * Reads a service's configuration from an environment through its typebox schema: integer
 * variables are parsed, defaults applied, and every problem listed at once, never quoting
 * the value of a variable named in `secrets`. Services call it once, at start, and pass the
 * typed result down.
 *
 * @throws {ConfigError} listing every bad or missing variable.
 */
export function readEnvironment<S extends TObject>(
  schema: S,
  env: Readonly<Record<string, string | undefined>>,
  secrets: ReadonlySet<string>
): Static<S> {
  const raw: Record<string, unknown> = {}
  for (const [key, property] of Object.entries(schema.properties)) {
    const value = env[key]
    if (value === undefined || value === '') continue
    const numeric =
      (property as { type?: unknown }).type === 'integer' || (property as { type?: unknown }).type === 'number'
    raw[key] = numeric && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value
  }
  const withDefaults = Value.Default(schema, raw) as Record<string, unknown>
  const problems = [...Value.Errors(schema, withDefaults)].flatMap((error) => {
    if (error.keyword === 'required')
      return ((error.params as { requiredProperties?: string[] }).requiredProperties ?? []).map(
        (name) => `${name}: is required`
      )
    const name = error.instancePath.replace(/^\//, '')
    return [`${name}: ${error.message}${secrets.has(name) ? '' : ` (got ${JSON.stringify(withDefaults[name])})`}`]
  })
  if (problems.length > 0) throw new ConfigError(problems)
  return withDefaults as Static<S>
}
