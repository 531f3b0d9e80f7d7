import t from 'tap'
import type { ConnectorDefinitionJson } from '@latchkey/connector-sdk'
import { resolveContext } from '../src/context.js'
import { clientAuthentication } from '../src/token-request.js'

const bank = (clientAuthMethod: string): ConnectorDefinitionJson =>
  ({
    key: 'bank',
    name: 'Bank',
    version: '1.0.0',
    auth: {
      kind: 'oauth2',
      grant: 'client_credentials',
      tokenUrl: 'https://bank.example/token',
      clientAuthMethod,
      clientCertificate: 'app'
    }
  }) as ConnectorDefinitionJson

t.test('tls_client_auth (RFC 8705 §2.1): the body names the client, nothing else authenticates it', async (t) => {
  const byCertificate = resolveContext({ definition: bank('tls_client_auth'), client: { clientId: 'bank-app' } })
  t.same(await clientAuthentication(byCertificate), { headers: {}, params: { client_id: 'bank-app' } })
  // Even were a secret held, it is not sent: the certificate is the credential.
  const withSecret = resolveContext({
    definition: bank('tls_client_auth'),
    client: { clientId: 'bank-app', clientSecret: 'never-sent' }
  })
  t.same(await clientAuthentication(withSecret), { headers: {}, params: { client_id: 'bank-app' } })
  const basic = resolveContext({
    definition: bank('client_secret_basic'),
    client: { clientId: 'bank-app', clientSecret: 'sent' }
  })
  t.match(await clientAuthentication(basic), { headers: { authorization: /^Basic / } }, 'the other methods unchanged')
})
