import type { RedisClient } from '@latchkey/jobs'
import type { Store } from '@latchkey/store'

/** A dependency's state within two seconds: `ok`, or `down: <why>`. */
export async function probe(check: () => Promise<unknown>): Promise<string> {
  let timer: NodeJS.Timeout | undefined
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), 2000)
      })
    ])
    return 'ok'
  } catch (error) {
    return `down: ${(error as Error).message}`
  } finally {
    clearTimeout(timer)
  }
}

/** Whether PostgreSQL and Redis answer (the API's and the worker's `/readyz`). */
export async function readiness(
  store: Pick<Store, 'ping'>,
  redis: Pick<RedisClient, 'ping'>
): Promise<{ ok: boolean; postgres: string; redis: string }> {
  const [postgres, redisState] = await Promise.all([probe(() => store.ping()), probe(() => redis.ping())])
  return { ok: postgres === 'ok' && redisState === 'ok', postgres, redis: redisState }
}
