import t from 'tap'
import { postmark } from '@latchkey/connector-postmark'
import { runCredentialScenario } from './scenario.js'

const TOKEN = 'b1e8a0f2-6c3d-4e5f-8a9b-CANARY'

// https://postmarkapp.com/developer/api/overview
// The server token goes in `X-Postmark-Server-Token` (a Bearer header gets a 401), and the
// endpoints mark `Accept: application/json` as required: the emulator insists on both.
t.test('Postmark: the server token in X-Postmark-Server-Token, JSON accepted, the server kept', async (t) => {
  const credential = { in: 'header', name: 'X-Postmark-Server-Token', value: TOKEN } as const
  const json = { in: 'header', name: 'Accept', value: 'application/json' } as const
  await runCredentialScenario(t, {
    connector: postmark,
    credentials: { apiKey: TOKEN },
    provider: { apiCredentials: [credential, json] },
    accepts: () => undefined,
    // https://postmarkapp.com/developer/api/server-api
    verification: {
      path: '/api/server',
      answer: {
        ID: 1,
        Name: 'Staging Testing',
        ApiTokens: [TOKEN],
        Color: 'red',
        SmtpApiActivated: true,
        DeliveryType: 'Live',
        ServerLink: 'https://postmarkapp.com/servers/1/streams'
      },
      account: { server: 'Staging Testing', serverId: 1 }
    },
    // https://postmarkapp.com/blog/announcing-the-postmark-messages-api: outbound messages of the
    // token's server, `count` and `offset` required.
    call: { url: '/messages/outbound?count=2&offset=0', providerPath: '/api/messages/outbound', auth: 'declared' },
    whileConnected: async (t, { system, connectionId }) => {
      const spoofed = await system.api('POST', `/v1/connections/${connectionId}/http`, {
        method: 'GET',
        url: '/server',
        headers: { 'X-Postmark-Server-Token': 'another-servers-token' }
      })
      t.match(
        spoofed.body.error,
        { code: 'invalid_request', details: [{ message: /where Latchkey puts the credential/ }] },
        'a caller cannot send a token of its own'
      )
    }
  })
})
