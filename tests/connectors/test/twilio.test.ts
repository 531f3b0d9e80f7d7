import t from 'tap'
import { twilio } from '@latchkey/connector-twilio'
import { runCredentialScenario } from './scenario.js'

// https://www.twilio.com/docs/usage/requests-to-twilio
// HTTP Basic with the Account SID as the username and the auth token as the password.
t.test('Twilio: Account SID and auth token as HTTP Basic, the account name', async (t) => {
  await runCredentialScenario(t, {
    connector: twilio,
    credentials: { username: 'AC0123456789abcdef0123456789abcdef', password: 'auth-token-CANARY' },
    // https://www.twilio.com/docs/iam/api/account#read-multiple-account-resources
    verification: {
      path: '/api/Accounts.json',
      answer: {
        accounts: [{ sid: 'AC0123456789abcdef0123456789abcdef', friendly_name: 'Acme Corp', status: 'active' }]
      },
      account: { account: 'Acme Corp' }
    },
    call: {
      method: 'POST',
      url: '/Accounts/AC0123456789abcdef0123456789abcdef/Messages.json',
      body: { To: '+15558675310', Body: 'Hi' },
      providerPath: '/api/Accounts/AC0123456789abcdef0123456789abcdef/Messages.json',
      auth: 'basic'
    }
  })
})
