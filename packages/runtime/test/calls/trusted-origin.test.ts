import t from 'tap'
import { RuntimeError } from '../../src/index.js'
import { checkTrustedOrigin } from '../../src/calls/trusted-origin.js'

const SALESFORCE = ['*.my.salesforce.com', '*.sandbox.my.salesforce.com', '*.salesforce.com']
const BASE = '{{metadata.instance_url}}/services/data/v61.0'
const from = (instanceUrl: unknown) => ({ metadata: { instance_url: instanceUrl } })

t.test('an origin from the token answer is trusted when https and on a listed host', async (t) => {
  for (const url of [
    'https://acme.my.salesforce.com',
    'https://acme--uat.sandbox.my.salesforce.com/',
    'https://na123.salesforce.com',
    'https://ACME.my.salesforce.com:443',
    'https://acme.my.salesforce.com.'
  ]) {
    t.doesNotThrow(() => checkTrustedOrigin(BASE, SALESFORCE, from(url)), url)
  }
  t.doesNotThrow(
    () => checkTrustedOrigin(BASE, ['127.0.0.1'], from('http://127.0.0.1:8080/instance')),
    'plain http on a listed loopback host'
  )
  t.doesNotThrow(() => checkTrustedOrigin(BASE, ['[::1]'], from('http://[::1]:8080')))
})

t.test('a counterfeit token answer naming another host is refused, for a reconnect', async (t) => {
  const refused = (url: unknown, hosts?: readonly string[] | null) => {
    try {
      checkTrustedOrigin(BASE, hosts === null ? undefined : (hosts ?? SALESFORCE), from(url))
    } catch (error) {
      return error
    }
    return undefined
  }
  t.match(
    refused('http://attacker.example:8080'),
    {
      code: 'untrusted_origin',
      message:
        /^the provider's answer named an untrusted API host for \{\{metadata.instance_url\}\}: .*https.*"http:\/\/attacker.example:8080".*; nothing was sent there, and the connection must be connected again$/
    },
    'plain http, and not listed'
  )
  t.match(
    refused('http://acme.my.salesforce.com'),
    { code: 'untrusted_origin', message: /plain http is only allowed for loopback hosts/ },
    'a listed host over plain http'
  )
  for (const url of [
    'https://attacker.example',
    'https://my.salesforce.com.attacker.example',
    'https://salesforce.com',
    'https://a.b.my.salesforce.com.evil.example',
    'https://acmemy.salesforce.com.evil',
    'https://127.0.0.1'
  ]) {
    t.match(
      refused(url),
      {
        code: 'untrusted_origin',
        message:
          /untrusted API host .*not one of http.originHosts \(\*\.my\.salesforce\.com, \*\.sandbox\.my\.salesforce\.com, \*\.salesforce\.com\); nothing was sent there, and the connection must be connected again$/
      },
      url
    )
  }
  t.match(
    refused('https://a.b.salesforce.com', ['*.salesforce.com']),
    { message: /"a.b.salesforce.com"/ },
    'a wildcard stands for one label only'
  )
  t.match(refused('https://user:pw@acme.my.salesforce.com'), { message: /user name or password/ })
  t.match(
    refused('https://acme.my.salesforce.com', null),
    { message: /declares no http.originHosts/ },
    'nothing declared: nothing trusted'
  )
  t.match(refused('http://127.0.0.2:8080', ['127.0.0.1']), { message: /"127.0.0.2"/ })
  t.match(
    refused(undefined),
    { code: 'untrusted_origin', message: /\{\{metadata.instance_url\}\} has no value/ },
    'an answer without the field'
  )
  t.match(refused('javascript:alert(1)'), { code: 'untrusted_origin', message: /http\(s\) URL/ })
  t.type(refused('https://attacker.example'), RuntimeError)
})

t.test('a written-out origin is not checked', async (t) => {
  t.doesNotThrow(() => checkTrustedOrigin('https://api.box.com/2.0', undefined, {}))
  t.doesNotThrow(() =>
    checkTrustedOrigin('https://{{parameters.subdomain}}.zendesk.com/api/v2', undefined, {
      parameters: { subdomain: 'acme' }
    })
  )
  t.doesNotThrow(() => checkTrustedOrigin(undefined, undefined, {}), 'no API at all')
})
