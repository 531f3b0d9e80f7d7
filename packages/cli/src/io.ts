/** Where a command writes, and the folder it resolves paths against; injected so tests can capture both. */
export interface CommandIo {
  readonly stdout: { write(text: string): unknown }
  readonly stderr: { write(text: string): unknown }
  readonly cwd: string
  /** The environment, for commands that reach a deployment (`rotate-keys`). */
  readonly env?: Readonly<Record<string, string | undefined>>
}

/** Writes one line. */
export function line(stream: CommandIo['stdout'], text = ''): void {
  stream.write(`${text}\n`)
}
