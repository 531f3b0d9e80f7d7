import { fileURLToPath } from 'node:url'
import { main } from '../src/index.js'

/** The repository root: where `latchkey` runs unless a test says otherwise. */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))

/** Runs the `latchkey` command in-process, capturing what it writes. */
export async function run(args: string[], cwd = repoRoot): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  const code = await main(args, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    cwd
  })
  return { code, stdout, stderr }
}
