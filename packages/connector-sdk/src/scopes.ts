import type { Issue } from './errors.js'
import { closest, joinPath } from './format-issues.js'
import type { ScopeDelimiter } from './schema.js'

/** Joins scopes with the connector's delimiter. @see https://www.rfc-editor.org/rfc/rfc6749#section-3.3 */
export function joinScopes(scopes: readonly string[], delimiter: ScopeDelimiter = ' '): string {
  return scopes.join(delimiter)
}

/**
 * Splits a scope string. Providers answer with spaces, commas or both whatever they were
 * sent, so both are always accepted; empty items are dropped and duplicates removed.
 */
export function splitScopes(value: string | undefined | null): string[] {
  if (value == null) return []
  return [...new Set(value.split(/[\s,]+/).filter((scope) => scope !== ''))]
}

/**
 * Checks requested scopes against the declared ones.
 * A connector that declares no scopes accepts any.
 * @returns one issue per undeclared scope, with `path` like `scopes[1]`.
 */
export function checkRequestedScopes(
  requested: readonly string[],
  declared: Readonly<Record<string, string>>,
  path = 'scopes'
): Issue[] {
  const names = Object.keys(declared)
  if (names.length === 0) return []
  return requested.flatMap((scope, index) => {
    if (names.includes(scope)) return []
    const suggestion = closest(scope, names)
    return [
      {
        path: joinPath(path, index),
        message: `"${scope}" is not a scope this connector offers${suggestion === undefined ? '' : `; did you mean "${suggestion}"?`}`
      }
    ]
  })
}

/**
 * The scopes to request: the caller's choice, else the tenant app's defaults, else the
 * connector's defaults; then the offline-access scope; without duplicates, order kept.
 */
export function resolveScopes(options: {
  readonly requested?: readonly string[] | undefined
  readonly appDefaults?: readonly string[] | undefined
  readonly connectorDefaults: readonly string[]
  readonly offlineScope?: string | undefined
}): string[] {
  const base = options.requested ?? options.appDefaults ?? options.connectorDefaults
  const all = options.offlineScope === undefined ? base : [...base, options.offlineScope]
  return [...new Set(all)]
}

/** The scopes `granted` covers: each with those it includes, and theirs in turn. */
export function coveredScopes(
  granted: readonly string[],
  includes: Readonly<Record<string, readonly string[]>>
): Set<string> {
  const covered = new Set<string>()
  const pending = [...granted]
  for (let scope = pending.pop(); scope !== undefined; scope = pending.pop()) {
    if (covered.has(scope)) continue
    covered.add(scope)
    pending.push(...(includes[scope] ?? []))
  }
  return covered
}

/** Of `needed`, those `granted` does not cover (see `scopeIncludes`), order kept. */
export function missingScopes(
  needed: readonly string[],
  granted: readonly string[],
  includes: Readonly<Record<string, readonly string[]>>
): string[] {
  const covered = coveredScopes(granted, includes)
  return needed.filter((scope) => !covered.has(scope))
}

/** Drops each scope another one in the list includes: `root_readonly root_readwrite` asks for `root_readwrite`. */
export function widestScopes(
  scopes: readonly string[],
  includes: Readonly<Record<string, readonly string[]>>
): string[] {
  const unique = [...new Set(scopes)]
  return unique.filter(
    (scope) => !unique.some((other) => other !== scope && coveredScopes([other], includes).has(scope))
  )
}
