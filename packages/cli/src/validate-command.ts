import { formatIssue, summarizeConnector } from '@latchkey/connector-sdk'
import { line } from './io.js'
import type { CommandIo } from './io.js'
import { loadConnectors } from './load-connectors.js'

/**
 * `latchkey validate <path...>`: prints `ok <key>: <summary>` for each valid connector, then
 * a line per declared action with the scopes it needs, or each problem as `path: message`.
 * @returns the exit code: 0 when every connector is valid, 1 otherwise.
 */
export async function validateCommand(paths: readonly string[], io: CommandIo): Promise<number> {
  let failed = false
  for (const path of paths) {
    for (const loaded of await loadConnectors(path, io.cwd)) {
      if (loaded.ok) {
        line(io.stdout, `ok ${loaded.definition.key}: ${summarizeConnector(loaded.definition)}`)
        for (const action of loaded.definition.actions ?? [])
          line(
            io.stdout,
            `  action ${action.key}: ${action.method} ${action.path}; scopes ${(action.scopes ?? []).join(', ') || 'none'}${action.pagination === undefined ? '' : `; pages by ${action.pagination.style}`}`
          )
        continue
      }
      failed = true
      line(
        io.stderr,
        `invalid ${loaded.source} (${loaded.issues.length} ${loaded.issues.length === 1 ? 'problem' : 'problems'}):`
      )
      for (const issue of loaded.issues) line(io.stderr, formatIssue(issue))
    }
  }
  return failed ? 1 : 0
}
