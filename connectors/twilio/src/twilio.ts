import { defineConnector } from '@latchkey/connector-sdk'

/**
 * Twilio: Twilio with HTTP Basic: the Account SID as user name and the Auth Token as password.
 *
 * @see https://www.twilio.com/docs/usage/requests-to-twilio
 */
export const twilio = defineConnector({
  key: 'twilio',
  name: 'Twilio',
  version: '1.0.0',
  description: 'Twilio with HTTP Basic: the Account SID as user name and the Auth Token as password.',
  docsUrl: 'https://www.twilio.com/docs/usage/requests-to-twilio',
  auth: {
    kind: 'basic',
    usernameLabel: 'Account SID',
    passwordLabel: 'Auth token',
    helpText: 'Both are on the Twilio Console dashboard.'
  },
  http: { baseUrl: 'https://api.twilio.com/2010-04-01' },
  verification: { path: '/Accounts.json', identity: { account: 'accounts.0.friendly_name' } }
})
