import { ConfigValueError } from './errors.js'
import type { Issue } from './errors.js'
import { closest, joinPath } from './format-issues.js'
import type { ConnectorDefinition, ConnectorDefinitionJson } from './schema.js'

/** The longest value any parameter accepts. */
export const MAX_PARAMETER_LENGTH = 1024

/** The outcome of {@link validateParameters}. */
export type ParametersResult =
  | { readonly ok: true; readonly values: Readonly<Record<string, string>>; readonly issues: readonly [] }
  | { readonly ok: false; readonly issues: readonly Issue[] }

type ParameterSource = Pick<ConnectorDefinition, 'parameters'>

/** Whether a value is a TCP port, 1 to 65535, written plainly. */
export function isPort(value: string): boolean {
  return /^[1-9][0-9]{0,4}$/.test(value) && Number(value) <= 65535
}

/** Every `{{parameters.*}}` key a definition offers: its parameters, and `<key>.<name>` of its lookup tables. */
export function templateParameterKeys(
  definition: ParameterSource | Pick<ConnectorDefinitionJson, 'parameters'>
): string[] {
  return (definition.parameters ?? []).flatMap((parameter) => [
    parameter.key,
    ...Object.keys(parameter.options?.[0]?.values ?? {}).map((name) => `${parameter.key}.${name}`)
  ])
}

/**
 * A connection's parameters as templates see them: the values, and for each dropdown with
 * a lookup table the values its chosen option stands for, as `<key>.<name>`
 * (`region.accountsHost`).
 */
export function templateParameters(
  definition: ParameterSource | Pick<ConnectorDefinitionJson, 'parameters'>,
  values: Readonly<Record<string, string>>
): Record<string, string> {
  const out: Record<string, string> = { ...values }
  for (const parameter of definition.parameters ?? []) {
    const chosen = values[parameter.key]
    if (chosen === undefined || parameter.options === undefined) continue
    const option = parameter.options.find((o) => o.value === chosen)
    for (const [name, value] of Object.entries(option?.values ?? {})) out[`${parameter.key}.${name}`] = value
  }
  return out
}

/**
 * Checks what an end customer filled in against the connector's parameters: required
 * values, patterns, dropdown options, unknown keys. Defaults fill what was left out and
 * surrounding white space is trimmed.
 *
 * @param path prefix of every issue's path, so that API errors point at the request field.
 */
export function validateParameters(definition: ParameterSource, input: unknown, path = 'parameters'): ParametersResult {
  const parameters = definition.parameters ?? []
  const issues: Issue[] = []
  const values: Record<string, string> = {}
  if (input !== undefined && (input === null || typeof input !== 'object' || Array.isArray(input))) {
    return { ok: false, issues: [{ path, message: 'must be an object of parameter values' }] }
  }
  const given = (input ?? {}) as Record<string, unknown>
  const known = parameters.map((p) => p.key)
  for (const key of Object.keys(given)) {
    if (!known.includes(key)) {
      const suggestion = closest(key, known)
      issues.push({
        path: joinPath(path, key),
        message: `is not a parameter of this connector${suggestion === undefined ? '' : `; did you mean "${suggestion}"?`}`
      })
    }
  }
  for (const parameter of parameters) {
    const at = joinPath(path, parameter.key)
    const raw = given[parameter.key]
    if (raw !== undefined && raw !== null && typeof raw !== 'string') {
      issues.push({ path: at, message: `${parameter.label} must be text` })
      continue
    }
    const value = typeof raw === 'string' ? raw.trim() : ''
    if (value === '') {
      if (parameter.default !== undefined) values[parameter.key] = parameter.default
      else if (parameter.required ?? true) issues.push({ path: at, message: `${parameter.label} is required` })
      continue
    }
    if (value.length > MAX_PARAMETER_LENGTH) {
      issues.push({ path: at, message: `${parameter.label} must be at most ${MAX_PARAMETER_LENGTH} characters` })
      continue
    }
    if (parameter.type === 'port' && !isPort(value)) {
      issues.push({ path: at, message: `${parameter.label} must be a port, 1 to 65535` })
      continue
    }
    if (parameter.type === 'dropdown') {
      const options = parameter.options ?? []
      if (!options.some((option) => option.value === value)) {
        issues.push({
          path: at,
          message: `${parameter.label} must be one of ${options.map((o) => JSON.stringify(o.value)).join(', ')}`
        })
        continue
      }
    }
    if (parameter.pattern !== undefined && !new RegExp(`^(?:${parameter.pattern})$`, 'u').test(value)) {
      issues.push({
        path: at,
        message: parameter.patternMessage ?? `${parameter.label} does not have the expected format`
      })
      continue
    }
    values[parameter.key] = value
  }
  if (issues.length > 0) return { ok: false, issues }
  return { ok: true, values, issues: [] }
}

/** A definition written in code (computed values allowed) or received as JSON (static values only). */
type ConfigSource = Pick<ConnectorDefinition, 'configValues'> | Pick<ConnectorDefinitionJson, 'configValues'>

/**
 * Resolves every config value: static ones as they are, computed ones by calling their
 * function with the (validated) parameters.
 *
 * @throws {ConfigValueError} when a function throws or does not return a string.
 */
export function resolveConfigValues(
  definition: ConfigSource,
  parameters: Readonly<Record<string, string>>
): Record<string, string> {
  const out: Record<string, string> = {}
  for (const config of definition.configValues ?? []) {
    if ('compute' in config && typeof config.compute === 'function') {
      let value: unknown
      try {
        value = config.compute({ parameters: Object.freeze({ ...parameters }) })
      } catch (error) {
        throw new ConfigValueError(config.key, 'its compute function failed', { cause: error })
      }
      if (typeof value !== 'string')
        throw new ConfigValueError(config.key, `its compute function returned ${typeof value}, not a string`)
      out[config.key] = value
    } else if (config.value !== undefined) {
      out[config.key] = config.value
    }
  }
  return out
}
