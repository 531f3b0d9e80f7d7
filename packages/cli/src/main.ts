import { parseArgs } from 'node:util'
import { importOpenApiCommand } from './import-openapi-command.js'
import { line } from './io.js'
import type { CommandIo } from './io.js'
import { validateCommand } from './validate-command.js'
import { rotateKeysCommand } from './rotate-keys-command.js'
import { migrateCommand } from './migrate-command.js'
import { tryCommand } from './try-command.js'
import { INIT_KINDS, initCommand } from './init-command.js'
import type { InitKind } from './init-command.js'
import { docsCommand } from './docs-command.js'

export const USAGE = `Usage: latchkey <command> [options]

Commands:
  init <key> [--name <name>] [--kind oauth2|apiKey] [--dir connectors]
                                        scaffold a connector package (commented definition, its test,
                                        README; in the Latchkey repository also its quirky-provider
                                        scenario) that validates and passes its test as written
  validate <dir|file.js|file.json>...   check connector definitions; prints "ok <key>: <summary>" and its actions, or each problem
  import-openapi <file.json|file.yaml> --key <key> --name <name> [--scheme <name>]
                                        turn an OpenAPI document into a connector definition: every
                                        security scheme it can say (oauth2 code and client credentials,
                                        OpenID Connect, apiKey in a header or query, http basic and
                                        bearer) or the one named, $refs resolved, operations as actions
  try <dir|file> [--param name=value]... [--scheme <key>] [--scopes a,b] [--port 8976]
      [--call /path] [--action <key> [--input JSON]] [--refresh] [--timeout 300] [--show-tokens]
                                        connect to the real provider from this terminal (OAuth 2.0
                                        authorization code; the app in LATCHKEY_TRY_CLIENT_ID and
                                        LATCHKEY_TRY_CLIENT_SECRET): prints what was granted, the
                                        account, a call's or an action's answer, a refresh; tokens
                                        stay in memory
  docs [--file docs/connectors.md] [--check]
                                        write the connectors page's generated tables from the catalog
                                        (--check: exit 1 when it is stale, write nothing)
  rotate-keys                           re-encrypt every stored secret under the first key of
                                        LATCHKEY_ENCRYPTION_KEYS (uses DATABASE_URL); resumable
  migrate                               apply pending database migrations (uses DATABASE_URL and
                                        LATCHKEY_ENCRYPTION_KEYS) and exit: a deployment's migration job
  help                                  show this text
`

/**
 * Runs the `latchkey` command.
 * @returns the process exit code (0 success, 1 invalid input, 2 usage error).
 */
export async function main(argv: readonly string[], io: CommandIo): Promise<number> {
  const [command, ...rest] = argv
  try {
    switch (command) {
      case 'validate': {
        const { positionals } = parseArgs({ args: rest, allowPositionals: true, options: {} })
        if (positionals.length === 0) return usage(io, 'validate needs at least one path')
        return await validateCommand(positionals, io)
      }
      case 'import-openapi': {
        const { positionals, values } = parseArgs({
          args: rest,
          allowPositionals: true,
          options: { key: { type: 'string' }, name: { type: 'string' }, scheme: { type: 'string' } }
        })
        const [file] = positionals
        if (file === undefined || positionals.length > 1) return usage(io, 'import-openapi needs exactly one file')
        if (values.key === undefined || values.name === undefined)
          return usage(io, 'import-openapi needs --key and --name')
        return await importOpenApiCommand({ file, key: values.key, name: values.name, scheme: values.scheme }, io)
      }
      case 'try': {
        const { positionals, values } = parseArgs({
          args: rest,
          allowPositionals: true,
          options: {
            param: { type: 'string', multiple: true },
            scheme: { type: 'string' },
            scopes: { type: 'string' },
            port: { type: 'string' },
            call: { type: 'string' },
            action: { type: 'string' },
            input: { type: 'string' },
            refresh: { type: 'boolean' },
            timeout: { type: 'string' },
            'show-tokens': { type: 'boolean' }
          }
        })
        const [path] = positionals
        if (path === undefined || positionals.length > 1) return usage(io, 'try needs exactly one connector path')
        const port = Number(values.port ?? '8976')
        const timeout = Number(values.timeout ?? '300')
        if (!Number.isInteger(port) || port < 0 || port > 65535) return usage(io, '--port must be 0 to 65535')
        if (!Number.isInteger(timeout) || timeout < 1) return usage(io, '--timeout must be a whole number of seconds')
        return await tryCommand(
          {
            path,
            params: values.param ?? [],
            scheme: values.scheme,
            scopes: values.scopes,
            port,
            call: values.call,
            action: values.action,
            input: values.input,
            refresh: values.refresh === true,
            timeoutSeconds: timeout,
            showTokens: values['show-tokens'] === true
          },
          io
        )
      }
      case 'init': {
        const { positionals, values } = parseArgs({
          args: rest,
          allowPositionals: true,
          options: { name: { type: 'string' }, kind: { type: 'string' }, dir: { type: 'string' } }
        })
        const [key] = positionals
        if (key === undefined || positionals.length > 1) return usage(io, 'init needs exactly one connector key')
        const kind = values.kind ?? 'oauth2'
        if (!(INIT_KINDS as readonly string[]).includes(kind))
          return usage(io, `--kind must be one of ${INIT_KINDS.join(', ')}`)
        return initCommand({ key, name: values.name, kind: kind as InitKind, dir: values.dir }, io)
      }
      case 'docs': {
        const { values } = parseArgs({
          args: rest,
          allowPositionals: false,
          options: { file: { type: 'string' }, check: { type: 'boolean' } }
        })
        return docsCommand({ file: values.file, check: values.check }, io)
      }
      case 'rotate-keys':
        return await rotateKeysCommand(io.env ?? {}, io)
      case 'migrate':
        return await migrateCommand(io.env ?? {}, io)
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.stdout.write(USAGE)
        return command === undefined ? 2 : 0
      default:
        return usage(io, `unknown command "${command}"`)
    }
  } catch (error) {
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))
      return usage(io, error.message)
    throw error
  }
}

function usage(io: CommandIo, problem: string): number {
  line(io.stderr, `latchkey: ${problem}`)
  io.stderr.write(USAGE)
  return 2
}
