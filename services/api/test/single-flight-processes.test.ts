import t from 'tap'
import { openStore } from '@latchkey/store'
import { startStack } from '@latchkey/testkit'
import { checkOneRefreshForManyCalls, connectThroughProcesses, startProcesses } from './processes.js'

t.test(
  '200 concurrent calls on an expired token across two API processes and a worker: exactly one token request',
  async (t) => {
    const stack = await startStack(t, {
      quirkyProvider: {
        clientId: 'quirky-app',
        clientSecret: 'quirky-secret',
        modes: { rotateRefreshTokens: true, delayMs: 200 }
      }
    })
    const { quirkyProvider: quirky } = stack
    const { a, b } = await startProcesses(t, stack, { REDIS_URL: stack.redisUrl })
    const { connectionId, post } = await connectThroughProcesses(t, a, quirky)
    t.equal(
      (
        (await (await post(b, `/v1/connections/${connectionId}/http`, { method: 'GET', url: '/warm' })).json()) as {
          status: number
        }
      ).status,
      200,
      'process B has the token cached'
    )

    // The access token dies at the provider, and the worker finds it due at the same moment.
    const store = await openStore({
      connectionString: stack.databaseUrl,
      encryptionKeys: stack.encryptionKeys,
      migrate: false
    })
    stack.defer(() => store.close(), 'close the store')
    await checkOneRefreshForManyCalls(t, {
      a,
      b,
      quirky,
      connectionId,
      post,
      makeDue: async () => {
        await store.db
          .updateTable('credentials')
          .set({ refresh_due_at: new Date(Date.now() - 1000) })
          .execute()
      }
    })
    const stored = await store.credentials.get(connectionId)
    t.equal(
      stored?.tokenSet.refreshToken,
      quirky.issuedRefreshTokens.at(-1),
      'the stored refresh token is the last one issued'
    )
    t.equal(stored?.version, 2)
  }
)
