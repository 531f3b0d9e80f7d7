import { isRedisUnavailable } from '@latchkey/jobs'
import { isDatabaseUnavailable } from '@latchkey/store'

/** One of Latchkey's own dependencies. */
export type Dependency = 'postgres' | 'redis'

/**
 * Which of Latchkey's own dependencies an error says is down, if any: the API answers 503
 * and the worker puts the job back without spending an attempt; both heal when it is back.
 * Redis' own messages are checked first, since a refused socket alone does not say whose.
 */
export function outageOf(error: unknown): Dependency | undefined {
  if (isRedisUnavailable(error)) return 'redis'
  if (isDatabaseUnavailable(error)) return 'postgres'
  return undefined
}
