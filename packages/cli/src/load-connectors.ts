import { existsSync, readFileSync, statSync } from 'node:fs'
import { extname, join, relative, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { DefinitionError, validateConnectorDefinition, validateConnectorInput } from '@latchkey/connector-sdk'
import type { ConnectorDefinitionInput, Issue } from '@latchkey/connector-sdk'

/** One definition found at a path, valid or not. */
export type LoadedConnector =
  | { readonly ok: true; readonly source: string; readonly definition: ConnectorDefinitionInput }
  | { readonly ok: false; readonly source: string; readonly issues: readonly Issue[] }

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

/** Reads the module a connector package exposes: `exports["."]`, else `main`, else `index.js`. */
function packageEntry(dir: string): string {
  const manifestPath = join(dir, 'package.json')
  if (!existsSync(manifestPath)) return join(dir, 'index.js')
  const manifest: unknown = JSON.parse(readFileSync(manifestPath, 'utf8'))
  if (!isObject(manifest)) return join(dir, 'index.js')
  const dot = isObject(manifest.exports) ? manifest.exports['.'] : manifest.exports
  const target = typeof dot === 'string' ? dot : isObject(dot) ? (dot.import ?? dot.default) : undefined
  if (typeof target === 'string') return join(dir, target)
  return join(dir, typeof manifest.main === 'string' ? manifest.main : 'index.js')
}

function looksLikeDefinition(value: unknown): boolean {
  return isObject(value) && 'key' in value && 'auth' in value
}

/**
 * Loads every connector definition at a path: a connector package folder, a built
 * JavaScript module, or a JSON definition. JSON is checked as the API checks it (no
 * functions); modules as code. A module that fails to load is reported, not thrown.
 */
export async function loadConnectors(path: string, cwd: string): Promise<LoadedConnector[]> {
  const absolute = resolve(cwd, path)
  const source = relative(cwd, absolute) || '.'
  if (!existsSync(absolute)) return [{ ok: false, source, issues: [{ path: '', message: `${source} does not exist` }] }]
  if (statSync(absolute).isFile() && extname(absolute) === '.json') {
    let json: unknown
    try {
      json = JSON.parse(readFileSync(absolute, 'utf8'))
    } catch (error) {
      return [{ ok: false, source, issues: [{ path: '', message: `not valid JSON (${(error as Error).message})` }] }]
    }
    const result = validateConnectorDefinition(json)
    return [
      result.ok ? { ok: true, source, definition: result.definition } : { ok: false, source, issues: result.issues }
    ]
  }
  const entry = statSync(absolute).isDirectory() ? packageEntry(absolute) : absolute
  if (extname(entry) === '.ts') {
    return [
      {
        ok: false,
        source,
        issues: [
          {
            path: '',
            message:
              'TypeScript cannot be loaded directly; build the package (npm run build) and pass its folder or the compiled .js'
          }
        ]
      }
    ]
  }
  if (!existsSync(entry)) {
    return [
      {
        ok: false,
        source,
        issues: [{ path: '', message: `${relative(cwd, entry)} is missing; build the package first (npm run build)` }]
      }
    ]
  }
  let module: Record<string, unknown>
  try {
    module = (await import(pathToFileURL(entry).href)) as Record<string, unknown>
  } catch (error) {
    if (error instanceof DefinitionError) return [{ ok: false, source, issues: error.issues }]
    return [
      { ok: false, source, issues: [{ path: '', message: `the module failed to load: ${(error as Error).message}` }] }
    ]
  }
  const candidates = new Set<unknown>()
  if (looksLikeDefinition(module.default)) candidates.add(module.default)
  else for (const value of Object.values(module)) if (looksLikeDefinition(value)) candidates.add(value)
  if (candidates.size === 0) {
    return [
      {
        ok: false,
        source,
        issues: [
          {
            path: '',
            message: 'exports no connector definition (export one made with defineConnector, as default or by name)'
          }
        ]
      }
    ]
  }
  return [...candidates].map((candidate) => {
    const result = validateConnectorInput(candidate)
    return result.ok
      ? { ok: true, source, definition: result.definition }
      : { ok: false, source, issues: result.issues }
  })
}
