import { defineConnector } from '@latchkey/connector-sdk'

/**
 * Mailchimp Transactional (Mandrill): every call is a POST whose JSON body carries the
 * API key as `key`.
 *
 * @see https://mailchimp.com/developer/transactional/api/
 * @see https://rubydoc.info/gems/mailchimp_transactional/2.0.0/file/docs/Body8.md (`key`: a valid API key, in every body)
 */
export const mandrill = defineConnector({
  key: 'mandrill',
  name: 'Mailchimp Transactional (Mandrill)',
  version: '1.0.0',
  description: 'Transactional email: send messages, manage templates and senders.',
  docsUrl: 'https://mailchimp.com/developer/transactional/api/',
  auth: {
    kind: 'apiKey',
    input: {
      label: 'API key',
      helpText: 'In Mandrill: Settings → SMTP & API Info → Add API key (a Mandrill key, not a Mailchimp one).'
    },
    send: [{ in: 'body', name: 'key', value: '{{credentials.apiKey}}' }]
  },
  http: { baseUrl: 'https://mandrillapp.com/api/1.0' },
  // `POST /users/info`: @see https://www.rubydoc.info/gems/MailchimpTransactional/1.0.25/MailchimpTransactional/UsersApi
  verification: { method: 'POST', path: '/users/info', body: '{}', identity: { username: 'username' } }
})
