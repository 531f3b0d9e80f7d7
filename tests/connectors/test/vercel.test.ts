import t from 'tap'
import { vercel } from '@latchkey/connector-vercel'
import { runCredentialScenario } from './scenario.js'
import type { CredentialScenario, ScenarioResult } from './scenario.js'

// https://vercel.com/docs/rest-api
// https://vercel.com/docs/rest-api/user/get-the-user
// An access token as `Authorization: Bearer`, exactly there (the emulator insists on it);
// a team's resources with `?teamId=` on the call, the personal account's without it.
const token = {
  connector: vercel,
  provider: { apiCredentials: [{ in: 'header', name: 'Authorization', value: 'Bearer vercel-token-CANARY' }] },
  accepts: () => undefined,
  credentials: { apiKey: 'vercel-token-CANARY' },
  verification: {
    path: '/api/v2/user',
    answer: { user: { id: 'AEIIDYVk59zbFF2Sxfyxxmua', username: 'ada', email: 'ada@example.com', name: 'Ada' } },
    account: { id: 'AEIIDYVk59zbFF2Sxfyxxmua', user: 'ada', email: 'ada@example.com' }
  },
  call: { url: '/v9/projects', providerPath: '/api/v9/projects', auth: 'declared' }
} satisfies Omit<CredentialScenario, 'parameters'>

/** The query the provider saw on a call (the emulator echoes it back). */
async function providerQuery({ system, connectionId }: ScenarioResult): Promise<unknown> {
  const answer = await system.api('POST', `/v1/connections/${connectionId}/http`, {
    method: 'GET',
    url: '/v6/deployments'
  })
  return answer.body?.body?.query
}

t.test('Vercel: a team token, `teamId` on every call', async (t) => {
  await runCredentialScenario(t, {
    ...token,
    parameters: { teamId: 'team_nllPyCtREAqxxdyFKbbMDlxd' },
    whileConnected: async (t, context) => {
      t.same(await providerQuery(context), { teamId: 'team_nllPyCtREAqxxdyFKbbMDlxd' }, 'the team ID went along')
    }
  })
})

t.test('Vercel: the personal account, no `teamId`', async (t) => {
  await runCredentialScenario(t, {
    ...token,
    whileConnected: async (t, context) => {
      t.same(await providerQuery(context), {}, 'no team ID')
    }
  })
})
