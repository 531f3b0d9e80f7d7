import t from 'tap'
import {
  resolveAuthScheme,
  resolveEndpoints,
  validateConnectorDefinition,
  validateParameters
} from '@latchkey/connector-sdk'
import defaultExport, { aws } from '../src/index.js'

t.test('the AWS definition validates, also as JSON', async (t) => {
  t.equal(defaultExport, aws)
  t.same(validateConnectorDefinition(aws).issues, [])
  t.same(validateConnectorDefinition(JSON.parse(JSON.stringify(aws))).issues, [])
})

// https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html: the sample
// request is signed `Credential=…/us-east-1/sts/aws4_request`, for the Region and STS's signing name.
t.test('every call is signed with SigV4 for the Region picked and the signing name sts', async (t) => {
  t.match(resolveAuthScheme(aws), {
    kind: 'awsSigV4',
    region: '{{parameters.region}}',
    service: 'sts',
    inputs: [
      { key: 'accessKeyId', secret: false, required: true, pattern: '[A-Za-z0-9_]{16,128}' },
      { key: 'secretAccessKey', secret: true, required: true },
      { key: 'sessionToken', secret: true, required: false }
    ]
  })
})

t.test('the Region is a dropdown of region codes, each with its Regional STS endpoint', async (t) => {
  const region = aws.parameters?.find((p) => p.key === 'region')
  t.equal(region?.type, 'dropdown')
  t.equal(region?.default, 'us-east-1')
  const codes = (region?.options ?? []).map((o) => o.value)
  t.equal(new Set(codes).size, codes.length, 'no Region twice')
  for (const code of [
    'us-east-1',
    'us-east-2',
    'us-west-1',
    'us-west-2',
    'ca-central-1',
    'sa-east-1',
    'eu-west-1',
    'eu-west-2',
    'eu-west-3',
    'eu-central-1',
    'eu-north-1',
    'ap-south-1',
    'ap-northeast-1',
    'ap-northeast-2',
    'ap-northeast-3',
    'ap-southeast-1',
    'ap-southeast-2'
  ])
    t.ok(codes.includes(code), `the Region ${code}, enabled by default, is offered`)
  for (const option of region?.options ?? []) {
    t.match(option.value, /^[a-z]{2}-[a-z]+-\d$/, `${option.value} is a region code`)
    t.ok(option.label?.includes(option.value), `${option.value}: its label names the code`)
    t.equal(
      resolveEndpoints(aws, { parameters: { region: option.value }, config: {}, metadata: {} }).baseUrl,
      `https://sts.${option.value}.amazonaws.com`
    )
  }
  t.match(validateParameters(aws, { region: 'cn-north-1' }), {
    ok: false,
    issues: [{ path: 'parameters.region', message: /must be one of/ }]
  })
  t.match(validateParameters(aws, {}), { ok: true, values: { region: 'us-east-1' } }, 'us-east-1 when left empty')
})

t.test('the verification is GetCallerIdentity as a GET query request', async (t) => {
  t.same(aws.verification, { path: '/', query: { Action: 'GetCallerIdentity', Version: '2011-06-15' } })
})

t.test('the actions speak the STS Query API', async (t) => {
  const actions = Object.fromEntries((aws.actions ?? []).map((a) => [a.key, a]))
  t.match(actions.get_caller_identity, {
    method: 'GET',
    path: '/',
    query: { Action: 'GetCallerIdentity', Version: '2011-06-15' }
  })
  t.match(actions.assume_role, {
    method: 'POST',
    path: '/',
    bodyFormat: 'form',
    body: { Action: 'AssumeRole', Version: '2011-06-15', RoleArn: '{{input.roleArn}}' }
  })
})
