import t from 'tap'
import {
  findAction,
  renderActionRequest,
  resolveAuthSchemes,
  scopesForActions,
  validateConnectorDefinition
} from '@latchkey/connector-sdk'
import { hubspot } from '../src/index.js'

t.test('the HubSpot definition validates, also as JSON', async (t) => {
  t.same(validateConnectorDefinition(JSON.parse(JSON.stringify(hubspot))).issues, [])
  t.equal(hubspot.key, 'hubspot')
  t.ok(resolveAuthSchemes(hubspot).length > 0)
})

t.test('the actions: declared scopes, CRM v3 cursor paging by paging.next.after', async (t) => {
  const [scheme] = resolveAuthSchemes(hubspot)
  const declared = Object.keys(scheme?.kind === 'oauth2' ? (scheme.scopes ?? {}) : {})
  for (const action of hubspot.actions ?? []) {
    t.ok(
      (action.scopes ?? []).length === 1 && (action.scopes ?? []).every((scope) => declared.includes(scope)),
      `${action.key}: one declared scope`
    )
    if (action.pagination !== undefined)
      t.same(action.pagination, {
        style: 'cursor',
        param: 'after',
        cursorPath: 'paging.next.after',
        limitParam: 'limit',
        limit: 100
      })
  }
  t.same(scopesForActions(hubspot, ['list_contacts', 'create_contact']).scopes, [
    'crm.objects.contacts.read',
    'crm.objects.contacts.write'
  ])
})

t.test('create_contact puts the values given in a properties object', async (t) => {
  const action = findAction(hubspot, 'create_contact')
  if (action === undefined) throw new Error('no create_contact')
  const request = renderActionRequest(action, { input: { email: 'ada@example.com', lastname: 'Lovelace' } })
  t.match(request, { method: 'POST', path: '/crm/v3/objects/contacts', bodyFormat: 'json' })
  t.same(request.body, { properties: { email: 'ada@example.com', lastname: 'Lovelace' } })
})
