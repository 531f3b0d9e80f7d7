import { readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { CATALOG, renderConnectorsDoc } from '@latchkey/catalog'
import { line } from './io.js'
import type { CommandIo } from './io.js'

/** Options of `latchkey docs`. */
export interface DocsOptions {
  /** @defaultValue `docs/connectors.md` */
  readonly file?: string | undefined
  /** Only say whether the file is up to date (exit 1 when not); write nothing. */
  readonly check?: boolean | undefined
}

/**
 * `latchkey docs [--file docs/connectors.md] [--check]`: writes the generated tables of the
 * connectors page (auth kinds, refresh, revocation, parameters, verification, actions) from
 * the catalog's definitions, between the page's markers; the rest of the page is kept.
 * @returns 0, or 1 when the file cannot be read, has lost its markers, or (with `--check`) is stale.
 */
export function docsCommand(options: DocsOptions, io: CommandIo): number {
  const file = options.file ?? 'docs/connectors.md'
  const path = resolve(io.cwd, file)
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    line(io.stderr, `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`)
    return 1
  }
  let rendered: string
  try {
    rendered = renderConnectorsDoc(text, CATALOG)
  } catch (error) {
    line(io.stderr, `${file}: ${(error as Error).message}`)
    return 1
  }
  if (options.check === true) {
    if (rendered === text) {
      line(io.stdout, `${file} is up to date (${CATALOG.length} connectors)`)
      return 0
    }
    line(io.stderr, `${file} is stale: run \`latchkey docs\``)
    return 1
  }
  if (rendered !== text) writeFileSync(path, rendered)
  line(io.stdout, `${file}: ${CATALOG.length} connectors${rendered === text ? ', unchanged' : ''}`)
  return 0
}
