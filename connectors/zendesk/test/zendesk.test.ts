import t from 'tap'
import {
  TemplateError,
  findAction,
  missingScopes,
  renderActionRequest,
  resolveAuthScheme,
  resolveEndpoints,
  scopesForActions,
  validateActionInput,
  validateConnectorDefinition,
  validateParameters
} from '@latchkey/connector-sdk'
import { zendesk } from '../src/index.js'

/** The OAuth 2.0 scheme with its defaults applied. */
function oauth() {
  const scheme = resolveAuthScheme(zendesk)
  if (scheme?.kind !== 'oauth2') throw new Error('Zendesk signs in with OAuth 2.0')
  return scheme
}

t.test('the Zendesk definition validates, also as JSON', async (t) => {
  t.same(validateConnectorDefinition(JSON.parse(JSON.stringify(zendesk))).issues, [])
})

t.test('the subdomain goes into every URL', async (t) => {
  t.same(resolveEndpoints(zendesk, { parameters: { subdomain: 'acme' }, config: {}, metadata: {} }), {
    authorizeUrl: 'https://acme.zendesk.com/oauth/authorizations/new',
    tokenUrl: 'https://acme.zendesk.com/oauth/tokens',
    refreshUrl: 'https://acme.zendesk.com/oauth/tokens',
    revokeUrl: undefined,
    baseUrl: 'https://acme.zendesk.com/api/v2'
  })
})

t.test('a bad subdomain is a field error, and can never change the host', async (t) => {
  t.same(validateParameters(zendesk, { subdomain: 'evil.com/x' }).issues, [
    {
      path: 'parameters.subdomain',
      message: 'Use only the part before .zendesk.com: lower-case letters, digits and dashes'
    }
  ])
  t.same(validateParameters(zendesk, {}).issues, [
    { path: 'parameters.subdomain', message: 'Zendesk subdomain is required' }
  ])
  t.throws(() => resolveEndpoints(zendesk, { parameters: { subdomain: 'evil.com/x' }, config: {} }), TemplateError)
})

t.test('its actions: cursor pages of 100, resource scopes that `read` and `write` cover', async (t) => {
  t.same(
    (zendesk.actions ?? []).map((action) => action.key),
    ['list_tickets', 'get_ticket', 'create_ticket', 'list_users']
  )
  const includes = oauth().scopeIncludes
  t.same(scopesForActions(zendesk, ['list_tickets', 'get_ticket', 'create_ticket', 'list_users']).scopes, [
    'tickets:read',
    'tickets:write',
    'users:read'
  ])
  t.same(missingScopes(['tickets:read', 'users:read'], ['read'], includes), [], '`read` covers every resource')
  t.same(missingScopes(['tickets:write'], ['read'], includes), ['tickets:write'])
  t.same(missingScopes(['tickets:write'], ['read', 'write'], includes), [])

  const listTickets = findAction(zendesk, 'list_tickets')
  t.match(listTickets?.pagination, {
    style: 'cursor',
    param: 'page[after]',
    cursorPath: 'meta.after_cursor',
    hasMorePath: 'meta.has_more',
    limitParam: 'page[size]',
    limit: 100
  })

  const createTicket = findAction(zendesk, 'create_ticket')
  t.ok(createTicket)
  if (createTicket === undefined) return
  t.same(renderActionRequest(createTicket, { input: { subject: 'Printer offline', comment: 'Help' } }).body, {
    ticket: { subject: 'Printer offline', comment: { body: 'Help' } }
  })
  t.match(validateActionInput(createTicket, { subject: 'Printer offline', priority: 'asap' }), [
    { path: 'input' },
    { path: 'input.priority' }
  ])
})
