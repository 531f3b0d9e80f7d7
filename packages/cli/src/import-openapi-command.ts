import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { OpenApiImportError, formatIssue, fromOpenApi } from '@latchkey/connector-sdk'
import type { AuthDefinition } from '@latchkey/connector-sdk'
import { line } from './io.js'
import type { CommandIo } from './io.js'

/** Options of `latchkey import-openapi`. */
export interface ImportOpenApiOptions {
  readonly file: string
  readonly key: string
  readonly name: string
  readonly scheme?: string | undefined
}

/**
 * `latchkey import-openapi <file> --key <key> --name <name> [--scheme <name>]`: prints the
 * connector definition as JSON on stdout; on stderr what was imported and every warning
 * (the schemes and operations it could not map, and why); or the problems and exit 1.
 */
export async function importOpenApiCommand(options: ImportOpenApiOptions, io: CommandIo): Promise<number> {
  let text: string
  try {
    text = readFileSync(resolve(io.cwd, options.file), 'utf8')
  } catch (error) {
    line(io.stderr, `cannot read ${options.file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`)
    return 1
  }
  try {
    const imported = await fromOpenApi(text, { key: options.key, name: options.name, scheme: options.scheme })
    const actions = imported.definition.actions?.length ?? 0
    line(
      io.stderr,
      `imported ${imported.schemes.map((name) => `"${name}"`).join(', ')} as ${summarizeAuth(imported.definition.auth)}; ${actions} ${actions === 1 ? 'action' : 'actions'}`
    )
    for (const warning of imported.warnings) line(io.stderr, `warning: ${warning}`)
    line(io.stdout, JSON.stringify(imported.definition, null, 2))
    return 0
  } catch (error) {
    if (!(error instanceof OpenApiImportError)) throw error
    line(io.stderr, `cannot import ${options.file}:`)
    for (const issue of error.issues) line(io.stderr, formatIssue(issue))
    return 1
  }
}

/** The imported schemes in words: `oauth2 authorization_code, apiKey`. */
function summarizeAuth(auth: AuthDefinition): string {
  const schemes = Array.isArray(auth) ? auth : [auth]
  return schemes.map((scheme) => (scheme.kind === 'oauth2' ? `oauth2 ${scheme.grant}` : scheme.kind)).join(', ')
}
