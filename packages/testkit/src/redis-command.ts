import { connect } from 'node:net'

/** A decoded RESP2 reply: simple and bulk strings, integers, nil, arrays. */
export type RedisReply = string | number | null | readonly RedisReply[]

/** Redis answered with an error reply (`-ERR …`, `-WRONGPASS …`, `-LOADING …`). */
export class RedisReplyError extends Error {
  override readonly name = 'RedisReplyError'
  /** The first word of the reply: `ERR`, `WRONGPASS`, `LOADING`, `OOM`… */
  readonly code: string

  constructor(message: string) {
    super(message)
    this.code = message.split(' ', 1)[0] ?? 'ERR'
  }
}

/** Options of {@link redisCommand}. */
export interface RedisCommandOptions {
  /** Give up (and reject) after this long. @defaultValue `5000` */
  readonly timeoutMs?: number
}

interface Parsed {
  readonly value: RedisReply | RedisReplyError
  readonly next: number
}

// One reply from `buffer` at `offset`, or undefined when it has not fully arrived yet.
function parseReply(buffer: Buffer, offset: number): Parsed | undefined {
  const lineEnd = buffer.indexOf('\r\n', offset)
  if (lineEnd === -1) return undefined
  const type = String.fromCharCode(buffer[offset] ?? 0)
  const line = buffer.toString('utf8', offset + 1, lineEnd)
  const afterLine = lineEnd + 2
  switch (type) {
    case '+':
      return { value: line, next: afterLine }
    case '-':
      return { value: new RedisReplyError(line), next: afterLine }
    case ':':
      return { value: Number(line), next: afterLine }
    case '$': {
      const length = Number(line)
      if (length < 0) return { value: null, next: afterLine }
      if (buffer.length < afterLine + length + 2) return undefined
      return { value: buffer.toString('utf8', afterLine, afterLine + length), next: afterLine + length + 2 }
    }
    case '*': {
      const count = Number(line)
      if (count < 0) return { value: null, next: afterLine }
      const items: RedisReply[] = []
      let next = afterLine
      for (let i = 0; i < count; i++) {
        const item = parseReply(buffer, next)
        if (item === undefined) return undefined
        // An error inside an array (EXEC) is kept as its message.
        items.push(item.value instanceof RedisReplyError ? item.value.message : item.value)
        next = item.next
      }
      return { value: items, next }
    }
    default:
      return { value: new RedisReplyError(`ERR unexpected RESP type ${JSON.stringify(type)}`), next: buffer.length }
  }
}

function encode(args: readonly string[]): string {
  return `*${args.length}\r\n${args.map((arg) => `$${Buffer.byteLength(arg)}\r\n${arg}\r\n`).join('')}`
}

/**
 * Sends one command to the Redis at `url` on a connection of its own (authenticating with the
 * URL's password first, if any) and resolves with the decoded reply; an error reply rejects
 * with a {@link RedisReplyError}, a connection problem with the socket's error. Dependency-free,
 * for test helpers that must not need a Redis client library.
 *
 * @see https://redis.io/docs/latest/develop/reference/protocol-spec/
 */
export async function redisCommand(
  url: string,
  args: readonly string[],
  options: RedisCommandOptions = {}
): Promise<RedisReply> {
  const { hostname, port, username, password } = new URL(url)
  const commands: string[][] = []
  if (password !== '')
    commands.push(
      username === ''
        ? ['AUTH', decodeURIComponent(password)]
        : ['AUTH', decodeURIComponent(username), decodeURIComponent(password)]
    )
  commands.push([...args])
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname.replace(/^\[|\]$/g, ''), port: Number(port || 6379) })
    let buffer = Buffer.alloc(0)
    let offset = 0
    const replies: (RedisReply | RedisReplyError)[] = []
    let settled = false
    const finish = (error: Error | undefined, reply?: RedisReply): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      socket.destroy()
      if (error !== undefined) reject(error)
      else resolve(reply ?? null)
    }
    const timer = setTimeout(
      () => finish(new Error(`redis ${args[0] ?? ''} to ${hostname}:${port} timed out`)),
      options.timeoutMs ?? 5000
    )
    socket.once('error', (error) => finish(error))
    socket.once('close', () =>
      finish(new Error(`redis ${args[0] ?? ''}: ${hostname}:${port} closed the connection before answering`))
    )
    socket.once('connect', () => socket.write(commands.map(encode).join('')))
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk])
      for (;;) {
        const parsed = parseReply(buffer, offset)
        if (parsed === undefined) break
        replies.push(parsed.value)
        offset = parsed.next
      }
      if (replies.length < commands.length) return
      const failed = replies.find((reply): reply is RedisReplyError => reply instanceof RedisReplyError)
      const last = replies[replies.length - 1]
      if (failed !== undefined) finish(failed)
      else finish(undefined, last instanceof RedisReplyError ? null : last)
    })
  })
}
