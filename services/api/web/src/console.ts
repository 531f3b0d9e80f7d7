// The builder console: an integration builder signs in with the tenant API key (kept in
// this tab's sessionStorage, never in a URL) and configures connectors, OAuth apps and
// connections through the same HTTP API their backend uses.
import {
  ApiClient,
  ApiError,
  announce,
  clearFieldIssues,
  copyable,
  eventList,
  field,
  h,
  showFieldIssues,
  stateBadge,
  stateOf,
  timeAgo
} from './common.js'
import type { Connection, ConnectionEvent, ConnectorSummary, FieldIssue } from './common.js'
import type { AppView, SettingsView } from '@latchkey/runtime'

const KEY = 'latchkey.apiKey'
const OVERRIDES = [
  ['authorizeUrl', 'Authorize URL'],
  ['tokenUrl', 'Token URL'],
  ['refreshUrl', 'Refresh URL'],
  ['revokeUrl', 'Revoke URL'],
  ['baseUrl', 'API base URL']
] as const

/** What an OAuth 1.0a app (a consumer) can move: its three legs, the revoke URL and the API. */
const OAUTH1_OVERRIDES = [
  ['requestTokenUrl', 'Request-token URL'],
  ['authorizeUrl', 'Authorize URL'],
  ['accessTokenUrl', 'Access-token URL'],
  ['revokeUrl', 'Revoke URL'],
  ['baseUrl', 'API base URL']
] as const

const byId = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T
const status = byId('status')
let api: ApiClient
/** The signed-in tenant's key, for the one request `ApiClient` cannot make: the logo's raw bytes. */
let apiKey = ''
let connectors: ConnectorSummary[] = []
let connections: Connection[] = []
const filters = { connector: '', externalId: '', state: '' }

function signedIn(on: boolean): void {
  byId('sign-in').hidden = on
  byId('signed-in').hidden = !on
  byId('nav').hidden = !on
}

async function signIn(key: string): Promise<boolean> {
  api = new ApiClient(location.href, key)
  apiKey = key
  try {
    await loadConnectors()
  } catch (error) {
    const message =
      error instanceof ApiError && error.status === 401 ? 'This API key was not accepted.' : (error as Error).message
    byId('api-key-error').textContent = message
    byId('api-key').setAttribute('aria-invalid', 'true')
    return false
  }
  sessionStorage.setItem(KEY, key)
  signedIn(true)
  renderImport()
  renderTry()
  await Promise.all([loadConnections(), loadSettings()])
  return true
}

// ---------- Connectors and OAuth apps ----------

async function loadConnectors(): Promise<void> {
  connectors = (await api.request<{ connectors: ConnectorSummary[] }>('GET', '../v1/connectors')).connectors
  renderConnectors()
}

function fact(term: string, value: Node | string): Node[] {
  return [h('dt', {}, term), h('dd', {}, value)]
}

type SchemeKind = ConnectorSummary['schemes'][number]['kind']

/** Each auth kind in words, in the order the catalog's filter offers them. */
const KIND_WORDS: Record<SchemeKind, string> = {
  oauth2: 'OAuth 2.0',
  oauth1: 'OAuth 1.0a',
  apiKey: 'API key',
  basic: 'Basic',
  tokenExchange: 'Token exchange',
  jwtBearer: 'JWT bearer',
  awsSigV4: 'AWS Signature V4'
}

/** Whether the tenant still has something to set before its customers can connect (the API's `appSetup`). */
type AppSetup = ConnectorSummary['appSetup']

const SETUP_WORDS: Record<AppSetup, { words: string; colour: 'green' | 'yellow' | 'grey' }> = {
  ready: { words: 'Ready', colour: 'green' },
  needed: { words: 'Needs app setup', colour: 'yellow' },
  none: { words: 'No app needed', colour: 'grey' }
}

function kindsOf(connector: ConnectorSummary): SchemeKind[] {
  return [...new Set(connector.schemes.map((s) => s.kind))]
}

/**
 * The catalog's search, filters and open tile. They live outside the DOM because the grid is
 * rebuilt whenever the connectors are loaded again (after saving an app, after an import).
 */
const catalog: { query: string; kind: string; setup: string; open: string | null } = {
  query: '',
  kind: '',
  setup: '',
  open: null
}
let tiles: { connector: ConnectorSummary; item: HTMLElement }[] = []

function renderConnectors(): void {
  const list = byId('connector-list')
  if (list.querySelector('#catalog-filters') === null) list.replaceChildren(...catalogControls())
  fillKindOptions(byId<HTMLSelectElement>('catalog-kind'))
  const grid = byId('catalog-grid')
  // Rebuilding the grid removes the element that had focus (the app form's Save button). Focus
  // goes back to that connector's Details button, or to the search box when the filters now hide
  // the tile, rather than to the page body.
  const focused = document.activeElement
  const focusedKey =
    focused !== null && grid.contains(focused)
      ? (focused.closest('[data-connector]')?.getAttribute('data-connector') ?? undefined)
      : undefined
  tiles = connectors.map((connector) => ({ connector, item: tile(connector) }))
  grid.replaceChildren(...tiles.map((t) => t.item))
  applyCatalogFilters()
  if (focusedKey !== undefined) {
    const toggle = tileToggle(focusedKey)
    if (toggle !== null && toggle.checkVisibility()) toggle.focus()
    else byId('catalog-search').focus()
  }
  const select = document.querySelector<HTMLSelectElement>('#filter-connector')
  if (select !== null) fillConnectorOptions(select)
}

/** The search box, the two filters, the live count and the empty message, built once; then the grid. */
function catalogControls(): Node[] {
  const search = h('input', {
    id: 'catalog-search',
    type: 'search',
    name: 'query',
    autocomplete: 'off',
    spellcheck: 'false',
    placeholder: 'Name, key or description',
    value: catalog.query
  })
  const kind = h('select', { id: 'catalog-kind', name: 'kind' })
  const setup = h(
    'select',
    { id: 'catalog-setup', name: 'setup' },
    h('option', { value: '' }, 'All'),
    h('option', { value: 'ready' }, 'Ready (app configured)'),
    h('option', { value: 'needed' }, 'Needs app setup (not configured)'),
    h('option', { value: 'none' }, 'No app needed')
  )
  setup.value = catalog.setup
  const form: HTMLFormElement = h(
    'form',
    { id: 'catalog-filters', class: 'filters catalog-filters', role: 'search', 'aria-label': 'Filter connectors' },
    h('label', {}, 'Search connectors', search),
    h('label', {}, 'Auth kind', kind),
    h('label', {}, 'App setup', setup)
  )
  // The filters apply as they change; Enter in the search box must not reload the page.
  form.addEventListener('submit', (event) => event.preventDefault())
  search.addEventListener('input', () => {
    catalog.query = search.value
    applyCatalogFilters()
  })
  kind.addEventListener('change', () => {
    catalog.kind = kind.value
    applyCatalogFilters()
  })
  setup.addEventListener('change', () => {
    catalog.setup = setup.value
    applyCatalogFilters()
  })
  const clear = h(
    'button',
    {
      type: 'button',
      class: 'secondary',
      onclick: () => {
        catalog.query = search.value = ''
        catalog.kind = kind.value = ''
        catalog.setup = setup.value = ''
        applyCatalogFilters()
        search.focus()
      }
    },
    'Clear search and filters'
  )
  return [
    form,
    h('p', { id: 'catalog-count', class: 'catalog-count', 'aria-live': 'polite' }),
    h('div', { id: 'catalog-empty', class: 'catalog-empty', hidden: true }, h('p', {}, 'No connector matches.'), clear),
    h('ul', { id: 'catalog-grid', class: 'catalog-grid' })
  ]
}

/** Offers the auth kinds the connectors have (and the chosen one, so a filter in use never vanishes). */
function fillKindOptions(select: HTMLSelectElement): void {
  const present = new Set(connectors.flatMap(kindsOf))
  const kinds = (Object.keys(KIND_WORDS) as SchemeKind[]).filter((k) => present.has(k) || k === catalog.kind)
  select.replaceChildren(
    h('option', { value: '' }, 'All'),
    ...kinds.map((k) => h('option', { value: k }, KIND_WORDS[k]))
  )
  select.value = catalog.kind
}

function matchesCatalog(connector: ConnectorSummary): boolean {
  const query = catalog.query.trim().toLowerCase()
  if (
    query !== '' &&
    ![connector.name, connector.key, connector.description ?? ''].some((text) => text.toLowerCase().includes(query))
  )
    return false
  if (catalog.kind !== '' && !connector.schemes.some((s) => s.kind === catalog.kind)) return false
  return catalog.setup === '' || connector.appSetup === catalog.setup
}

function applyCatalogFilters(): void {
  let shown = 0
  for (const { connector, item } of tiles) {
    item.hidden = !matchesCatalog(connector)
    if (!item.hidden) shown++
  }
  const count = `${shown} of ${connectors.length} ${connectors.length === 1 ? 'connector' : 'connectors'}`
  const region = byId('catalog-count')
  // Rewriting the same words would make some screen readers announce them again.
  if (region.textContent !== count) region.textContent = count
  byId('catalog-empty').hidden = shown > 0
}

function tileToggle(key: string): HTMLButtonElement | null {
  return document.querySelector<HTMLButtonElement>(`#catalog-grid [data-connector="${CSS.escape(key)}"] .tile-toggle`)
}

/** A compact tile: icon, name, auth kinds and app setup in words, and a button that shows the details. */
function tile(connector: ConnectorSummary): HTMLElement {
  const headingId = `c-${connector.key}`
  const detailsId = `d-${connector.key}`
  const setup = connector.appSetup
  const item = h('li', { class: 'catalog-item' })
  const details = h('div', { id: detailsId, class: 'tile-details', hidden: true })
  const toggle = h(
    'button',
    {
      type: 'button',
      class: 'secondary tile-toggle',
      'aria-expanded': 'false',
      'aria-controls': detailsId,
      onclick: () => {
        if (catalog.open === connector.key) {
          catalog.open = null
          showDetails(item, connector, false)
          return
        }
        // One tile open at a time: an open one spans the grid's row and pushes the rest down.
        const previous = tiles.find((t) => t.connector.key === catalog.open)
        if (previous !== undefined) showDetails(previous.item, previous.connector, false)
        catalog.open = connector.key
        showDetails(item, connector, true)
        item.scrollIntoView({ block: 'nearest' })
      }
    },
    'Details',
    h('span', { class: 'visually-hidden' }, ` about ${connector.name}`)
  )
  item.append(
    h(
      'article',
      { class: 'card connector tile', 'data-connector': connector.key, 'aria-labelledby': headingId },
      h(
        'h3',
        { id: headingId, class: 'connector-name' },
        h('img', { class: 'monogram', src: connector.iconUrl, alt: '', width: '32', height: '32' }),
        h('span', { class: 'tile-name' }, connector.name)
      ),
      h(
        'p',
        { class: 'tile-facts' },
        h(
          'span',
          { class: 'tile-auth' },
          kindsOf(connector)
            .map((k) => KIND_WORDS[k])
            .join(' or ')
        ),
        h(
          'span',
          { class: `state state-${SETUP_WORDS[setup].colour} tile-setup`, 'data-setup': setup },
          h('span', { class: 'dot', 'aria-hidden': 'true' }),
          h('span', { class: 'state-words' }, SETUP_WORDS[setup].words)
        )
      ),
      toggle,
      details
    )
  )
  if (catalog.open === connector.key) showDetails(item, connector, true)
  return item
}

/** Opens or closes a tile; its details are built when opened, so the closed grid stays light. */
function showDetails(item: HTMLElement, connector: ConnectorSummary, open: boolean): void {
  const details = item.querySelector<HTMLElement>('.tile-details')!
  item.classList.toggle('open', open)
  item.querySelector('.tile-toggle')!.setAttribute('aria-expanded', String(open))
  details.hidden = !open
  details.replaceChildren(...(open ? connectorDetails(connector) : []))
}

/** What a connector's card showed before the grid: its facts, scopes, redirect URI and OAuth app form. */
function connectorDetails(c: ConnectorSummary): Node[] {
  const appArea = h('div', { class: 'app-area' })
  const oauth = c.schemes.some((s) => s.kind === 'oauth2' || s.kind === 'oauth1')
  return [
    h('p', { class: 'muted' }, `${c.key} · ${c.version} · ${c.source}`),
    c.description === null ? null : h('p', {}, c.description),
    h(
      'dl',
      { class: 'facts' },
      ...fact(
        'Auth',
        c.schemes
          .map((s) =>
            s.kind === 'oauth2'
              ? `${s.label} (${(s.grant ?? '').replace('_', ' ')}${s.redirect && c.pkce ? ', PKCE' : ''})`
              : s.label
          )
          .join(' or ')
      ),
      ...(oauth
        ? fact(
            'Client',
            c.clientOwnership === 'developer'
              ? c.appConfigured
                ? 'your OAuth app (set)'
                : c.schemes.some((s) => s.clientRegistration === 'dynamic')
                  ? 'registered by Latchkey at the authorization server (RFC 7591); an app you set is used instead'
                  : 'your OAuth app (not set yet)'
              : 'each end customer brings their own'
          )
        : fact('Credentials', 'each end customer types in their own')),
      ...(c.authorizeUrl === null ? [] : fact('Authorize URL', h('code', {}, c.authorizeUrl))),
      ...(c.tokenUrl === null ? [] : fact('Token URL', h('code', {}, c.tokenUrl))),
      ...(c.refreshUrl !== null && c.refreshUrl !== c.tokenUrl ? fact('Refresh URL', h('code', {}, c.refreshUrl)) : []),
      ...(oauth ? fact('Revoke URL', c.revokeUrl === null ? 'none' : h('code', {}, c.revokeUrl)) : []),
      ...fact('Parameters', c.parameters.length === 0 ? 'none' : c.parameters.map((p) => p.label).join(', ')),
      ...(oauth
        ? fact('Default scopes', c.defaultScopes.length === 0 ? 'none' : c.defaultScopes.join(c.scopeDelimiter))
        : [])
    ),
    oauth
      ? h(
          'details',
          { class: 'scope-list' },
          h('summary', {}, `${c.scopes.length} ${c.scopes.length === 1 ? 'scope' : 'scopes'}`),
          h(
            'ul',
            {},
            ...c.scopes.map((s) => h('li', { 'data-scope': s.name }, h('code', {}, s.name), ' ', s.description))
          )
        )
      : null,
    c.schemes.some((s) => s.redirect) ? copyable('Redirect URI to register at the provider', c.redirectUri) : null,
    c.schemes.some((s) => s.clientOwnership === 'developer')
      ? h(
          'div',
          { class: 'actions' },
          h(
            'button',
            { type: 'button', onclick: () => void openAppForm(c, appArea) },
            c.appConfigured ? 'Edit OAuth app' : 'Set OAuth app'
          )
        )
      : c.schemes.some((s) => s.clientCertificate === 'app')
        ? h(
            'div',
            { class: 'actions' },
            h('button', { type: 'button', onclick: () => void openAppForm(c, appArea) }, 'Set client certificate')
          )
        : null,
    appArea
  ].filter((node): node is HTMLElement => node !== null)
}

async function openAppForm(connector: ConnectorSummary, area: HTMLElement): Promise<void> {
  // The app is an OAuth client (or OAuth 1.0a consumer), a client certificate for mutual TLS, or both.
  const oauthApp = connector.schemes.some((s) => s.clientOwnership === 'developer')
  const certified = connector.schemes.some((s) => s.clientCertificate === 'app')
  // RFC 8705 §2.1: a client the provider knows by its certificate has no secret.
  const bySecret = !connector.schemes.some((s) => s.clientAuthMethod === 'tls_client_auth')
  let current: AppView | undefined
  if (connector.appConfigured || certified)
    current = await api
      .request<AppView>('GET', `../v1/connectors/${encodeURIComponent(connector.key)}/app`)
      .catch(() => undefined)
  const general = h('div', { class: 'banner banner-error form-error', role: 'alert', hidden: true })
  const appScopes = new Set(current?.scopes ?? connector.defaultScopes)
  // An OAuth 1.0a app is a consumer: key and secret (or RSA private key), and its own URLs.
  const consumer = connector.schemes.some((s) => s.kind === 'oauth1')
  const overrides = !oauthApp
    ? OVERRIDES.filter(([name]) => name === 'baseUrl')
    : consumer
      ? OAUTH1_OVERRIDES
      : OVERRIDES
  const stored = current?.clientCertificate ?? null
  const certificateFields = certified
    ? h(
        'fieldset',
        {},
        h('legend', {}, 'Client certificate (mutual TLS)'),
        h(
          'p',
          { class: 'help' },
          stored === null
            ? 'Presented on every connection to the provider: its token endpoint and its API. Stored encrypted; the key is never shown again.'
            : `A certificate is stored: ${stored.subject}, issued by ${stored.issuer}, valid until ${new Date(stored.notAfter).toLocaleDateString()}. Leave both fields empty to keep it.`
        ),
        ...(
          [
            ['certificate', 'Certificate (PEM)', 'The "-----BEGIN CERTIFICATE-----" block, then its chain.'],
            ['privateKey', 'Private key (PEM)', 'Unencrypted: the "-----BEGIN PRIVATE KEY-----" block.']
          ] as const
        ).map(([name, label, help]) =>
          field({
            label,
            path: `body.clientCertificate.${name}`,
            required: stored === null,
            help,
            control: h('textarea', { name, rows: 6, spellcheck: 'false', autocomplete: 'off' })
          })
        )
      )
    : null
  const noun = oauthApp ? 'OAuth app' : 'client certificate'
  const form: HTMLFormElement = h(
    'form',
    { class: 'stack', novalidate: true, 'aria-label': `${connector.name} ${noun}` },
    !oauthApp
      ? null
      : field({
          label: consumer ? 'Consumer key' : 'Client ID',
          path: 'body.clientId',
          required: true,
          control: h('input', {
            name: 'clientId',
            type: 'text',
            autocomplete: 'off',
            spellcheck: 'false',
            value: current?.clientId ?? undefined
          })
        }),
    !oauthApp || !bySecret
      ? null
      : field({
          label: consumer ? 'Consumer secret (or RSA private key, PEM)' : 'Client secret',
          path: 'body.clientSecret',
          required: current === undefined,
          help:
            current === undefined
              ? 'Stored encrypted; never shown again.'
              : 'A secret is stored (never shown). Leave empty to keep it.',
          control: h('input', {
            name: 'clientSecret',
            type: 'password',
            autocomplete: 'new-password',
            placeholder: current === undefined ? undefined : '•••••••• (unchanged)'
          })
        }),
    certificateFields,
    !oauthApp || connector.scopes.length === 0
      ? null
      : h(
          'fieldset',
          { 'data-path': 'body.scopes', 'aria-describedby': `app-scopes-${connector.key}-error` },
          h('legend', {}, 'Default scopes for new connections'),
          ...connector.scopes.map((s) =>
            h(
              'label',
              { class: 'check' },
              h('input', { type: 'checkbox', name: 'scope', value: s.name, checked: appScopes.has(s.name) }),
              h('span', {}, h('code', {}, s.name), ' ', s.description)
            )
          ),
          h('p', { class: 'field-error', id: `app-scopes-${connector.key}-error` })
        ),
    h(
      'fieldset',
      {},
      h('legend', {}, 'URL overrides (optional)'),
      h(
        'p',
        { class: 'help' },
        "Point this connector elsewhere for your tenant: a provider's sandbox, a regional host, a corrected token URL. Placeholders like {{parameters.subdomain}} work."
      ),
      ...overrides.map(([name, label]) =>
        field({
          label,
          path: `body.overrides.${name}`,
          control: h('input', {
            name: `override.${name}`,
            type: 'url',
            autocomplete: 'off',
            spellcheck: 'false',
            value: current?.overrides[name]
          })
        })
      )
    ),
    general,
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'submit' }, `Save ${noun}`),
      h('button', { type: 'button', class: 'secondary', onclick: () => area.replaceChildren() }, 'Cancel')
    )
  )
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    void (async () => {
      clearFieldIssues(form, general)
      const data = new FormData(form)
      const body: Record<string, unknown> = oauthApp ? { clientId: String(data.get('clientId') ?? '') } : {}
      const secret = String(data.get('clientSecret') ?? '')
      if (secret !== '') body.clientSecret = secret
      if (oauthApp && connector.scopes.length > 0) body.scopes = data.getAll('scope').map(String)
      const certificate = String(data.get('certificate') ?? '').trim()
      const privateKey = String(data.get('privateKey') ?? '').trim()
      // Both or neither: left empty, the stored certificate stays; one alone is refused by the API, beside its field.
      if (certified && (certificate !== '' || privateKey !== '')) body.clientCertificate = { certificate, privateKey }
      body.overrides = Object.fromEntries(
        overrides.map(([name]) => [name, String(data.get(`override.${name}`) ?? '').trim()]).filter(([, v]) => v !== '')
      )
      try {
        await api.request('PUT', `../v1/connectors/${encodeURIComponent(connector.key)}/app`, body)
        announce(
          status,
          'ok',
          `${connector.name} ${noun} saved`,
          oauthApp
            ? 'The secret is stored encrypted and is not shown again.'
            : 'The private key is stored encrypted and is not shown again.'
        )
        await loadConnectors()
      } catch (error) {
        if (error instanceof ApiError) showFieldIssues(form, error, general)
        else throw error
      }
    })()
  })
  area.replaceChildren(form)
  form.querySelector<HTMLElement>('input, textarea')?.focus()
}

// ---------- OpenAPI import ----------

function renderImport(): void {
  const general = h('div', { class: 'banner banner-error form-error', role: 'alert', hidden: true })
  const result = h('div', { class: 'import-result', 'aria-live': 'polite' })
  const documentInput = h('textarea', {
    name: 'document',
    rows: 10,
    spellcheck: 'false',
    placeholder: 'Paste an OpenAPI 3.x document (JSON or YAML)'
  })
  const upload = h('input', { type: 'file', accept: '.json,.yaml,.yml,application/json,application/yaml,text/yaml' })
  upload.addEventListener('change', () => {
    const file = upload.files?.[0]
    if (file !== undefined) void file.text().then((text) => (documentInput.value = text))
  })
  const form: HTMLFormElement = h(
    'form',
    { class: 'stack', novalidate: true, id: 'import-form' },
    field({
      label: 'Key',
      path: 'body.key',
      required: true,
      help: 'Lower-case letters, digits and dashes; how flows name this connector.',
      control: h('input', { name: 'key', type: 'text', autocomplete: 'off', spellcheck: 'false' })
    }),
    field({
      label: 'Name',
      path: 'body.name',
      required: true,
      control: h('input', { name: 'name', type: 'text', autocomplete: 'off' })
    }),
    field({
      label: 'Security scheme',
      path: 'body.securityScheme',
      help: 'Leave empty to import every scheme the document declares that Latchkey can use; or name one.',
      control: h('input', { name: 'securityScheme', type: 'text', autocomplete: 'off', spellcheck: 'false' })
    }),
    field({ label: 'OpenAPI document', path: 'body.document', required: true, control: documentInput }),
    h('div', { class: 'field' }, h('label', {}, 'Or upload a file ', upload)),
    general,
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Import connector'))
  )
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    void (async () => {
      clearFieldIssues(form, general)
      result.replaceChildren()
      const data = new FormData(form)
      const body: Record<string, unknown> = {
        key: String(data.get('key') ?? '').trim(),
        name: String(data.get('name') ?? '').trim(),
        document: String(data.get('document') ?? '')
      }
      const scheme = String(data.get('securityScheme') ?? '').trim()
      if (scheme !== '') body.securityScheme = scheme
      try {
        const imported = await api.request<ConnectorSummary & { warnings: string[] }>(
          'POST',
          '../v1/connectors/openapi',
          body
        )
        result.replaceChildren(
          h(
            'div',
            { class: 'banner banner-ok' },
            h(
              'strong',
              {},
              `Imported ${imported.name} with ${imported.scopes.length} ${imported.scopes.length === 1 ? 'scope' : 'scopes'}`
            )
          ),
          h(
            'ul',
            { class: 'imported-scopes' },
            ...imported.scopes.map((s) => h('li', { 'data-scope': s.name }, h('code', {}, s.name), ' ', s.description))
          ),
          ...imported.warnings.map((w) => h('p', { class: 'banner banner-info' }, w))
        )
        await loadConnectors()
      } catch (error) {
        if (!(error instanceof ApiError)) throw error
        showFieldIssues(form, error, general)
        // Problems inside the document are listed by their path in it.
        const inDocument = error.issues.filter((i) => i.path.startsWith('body.document.'))
        if (inDocument.length > 0)
          general.append(
            h(
              'ul',
              { class: 'issues' },
              ...inDocument.map((i) =>
                h('li', {}, h('code', {}, i.path.slice('body.document.'.length)), ': ', i.message)
              )
            )
          )
      }
    })()
  })
  byId('import-area').replaceChildren(form, result)
}

// ---------- Connections ----------

function fillConnectorOptions(select: HTMLSelectElement): void {
  const value = select.value
  select.replaceChildren(
    h('option', { value: '' }, 'All connectors'),
    ...connectors.map((c) => h('option', { value: c.key }, c.name))
  )
  select.value = value
}

async function loadConnections(): Promise<void> {
  const query = new URLSearchParams()
  if (filters.connector !== '') query.set('connector', filters.connector)
  if (filters.externalId !== '') query.set('externalId', filters.externalId)
  // The newest 200: the console filters rather than pages (the API pages with nextCursor).
  query.set('limit', '200')
  connections = (await api.request<{ connections: Connection[] }>('GET', `../v1/connections?${query}`)).connections
  renderConnections()
}

function renderConnections(): void {
  const area = byId('connection-area')
  if (area.querySelector('#connection-filters') === null) {
    const connectorSelect = h('select', { id: 'filter-connector', name: 'connector' })
    fillConnectorOptions(connectorSelect)
    const externalId = h('input', {
      id: 'filter-external',
      type: 'search',
      name: 'externalId',
      placeholder: 'customer id'
    })
    const state = h(
      'select',
      { id: 'filter-state' },
      h('option', { value: '' }, 'Any state'),
      h('option', { value: 'green' }, 'Working'),
      h('option', { value: 'yellow' }, 'Connected, not used / not connected'),
      h('option', { value: 'red' }, 'Needs reconnection'),
      h('option', { value: 'grey' }, 'Disconnected')
    )
    const form: HTMLFormElement = h(
      'form',
      { id: 'connection-filters', class: 'filters', role: 'search', 'aria-label': 'Filter connections' },
      h('label', {}, 'Connector ', connectorSelect),
      h('label', {}, 'External id ', externalId),
      h('label', {}, 'State ', state),
      h('button', { type: 'submit', class: 'secondary' }, 'Apply')
    )
    form.addEventListener('submit', (event) => {
      event.preventDefault()
      filters.connector = connectorSelect.value
      filters.externalId = externalId.value.trim()
      filters.state = state.value
      void loadConnections()
    })
    area.replaceChildren(form, h('div', { id: 'connection-rows' }))
  }
  const visible = connections.filter((c) => filters.state === '' || stateOf(c).colour === filters.state)
  const rows = byId('connection-rows')
  if (visible.length === 0) {
    rows.replaceChildren(h('p', { class: 'muted' }, 'No connections match.'))
    return
  }
  rows.replaceChildren(
    h(
      'table',
      { class: 'connections-table' },
      h('caption', { class: 'visually-hidden' }, 'Connections'),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...['State', 'Connector', 'Customer', 'Last used', 'Token expires', 'Actions'].map((t) =>
            h('th', { scope: 'col' }, t)
          )
        )
      ),
      h('tbody', {}, ...visible.flatMap((c) => connectionRow(c)))
    )
  )
}

/**
 * Whether a connection's credential can be renewed without the customer, so Refresh is
 * worth offering: a token that expires from an OAuth 2.0 grant, a login again (token
 * exchange), a new assertion (JWT bearer). Typed-in keys, OAuth 1.0a tokens and tokens that
 * never expire have nothing to refresh.
 */
function renewable(connection: Connection): boolean {
  const connector = connectors.find((c) => c.key === connection.connector)
  const scheme = connector?.schemes.find((s) => s.key === connection.scheme) ?? connector?.schemes[0]
  if (scheme === undefined) return false
  if (scheme.kind === 'tokenExchange' || scheme.kind === 'jwtBearer') return true
  return scheme.kind === 'oauth2' && (scheme.grant === 'client_credentials' || connection.expiresAt !== null)
}

function connectionRow(connection: Connection): HTMLElement[] {
  const logRow = h('tr', { class: 'log-row', hidden: true }, h('td', { colspan: 6 }))
  const act = (label: string, run: () => Promise<unknown>, done: string) =>
    h(
      'button',
      {
        type: 'button',
        class: 'secondary',
        onclick: () =>
          void run().then(
            () => (announce(status, 'ok', done), loadConnections()),
            (error: Error) => announce(status, 'error', `${label} failed`, error.message)
          )
      },
      label
    )
  const name = connectors.find((c) => c.key === connection.connector)?.name ?? connection.connector
  return [
    h(
      'tr',
      { 'data-connection-id': connection.id },
      // Each cell names its column: on a narrow screen the rows become cards and the header is gone.
      h('td', { 'data-label': 'State' }, stateBadge(connection)),
      h(
        'td',
        { 'data-label': 'Connector' },
        name,
        connection.label === null ? null : h('div', { class: 'muted' }, connection.label)
      ),
      h('td', { 'data-label': 'Customer' }, connection.externalId ?? '—'),
      h('td', { 'data-label': 'Last used' }, timeAgo(connection.lastUsedAt)),
      h('td', { 'data-label': 'Token expires' }, timeAgo(connection.expiresAt, '—')),
      h(
        'td',
        { class: 'actions', 'data-label': 'Actions' },
        h(
          'button',
          {
            type: 'button',
            class: 'secondary',
            onclick: () => {
              logRow.hidden = !logRow.hidden
              if (!logRow.hidden) {
                void api
                  .request<{ events: ConnectionEvent[] }>('GET', `../v1/connections/${connection.id}/events?limit=50`)
                  .then(
                    ({ events }) => logRow.firstElementChild!.replaceChildren(eventList(events)),
                    (error: Error) => logRow.firstElementChild!.replaceChildren(error.message)
                  )
              }
            }
          },
          'Log'
        ),
        connection.status === 'connected' && renewable(connection)
          ? act('Refresh', () => api.request('POST', `../v1/connections/${connection.id}/refresh`), 'Token refreshed')
          : null,
        connection.status === 'connected' || connection.status === 'error'
          ? act(
              'Disconnect',
              () => api.request('POST', `../v1/connections/${connection.id}/disconnect`),
              'Disconnected'
            )
          : null
      )
    ),
    logRow
  ]
}

// ---------- Connect-session link ----------

function renderTry(): void {
  const general = h('div', { class: 'banner banner-error form-error', role: 'alert', hidden: true })
  const result = h('div', { 'aria-live': 'polite' })
  const form: HTMLFormElement = h(
    'form',
    { class: 'stack', novalidate: true, id: 'try-form' },
    h(
      'p',
      { class: 'help' },
      'Your backend does this with POST /v1/connect-sessions: a 30-minute link that opens the wizard for one end customer, without an API key.'
    ),
    field({
      label: 'End customer id (externalId)',
      path: 'body.externalId',
      required: true,
      control: h('input', { name: 'externalId', type: 'text', value: 'test-customer', autocomplete: 'off' })
    }),
    h(
      'fieldset',
      { class: 'choice-list', 'data-path': 'body.connectors' },
      h('legend', {}, 'Connectors the wizard offers'),
      h('p', { class: 'help', id: 'try-connectors-help' }, 'None chosen: every connector the customer can use.'),
      ...connectors.map((c) =>
        h(
          'label',
          { class: 'check' },
          h('input', { type: 'checkbox', name: 'connectors', value: c.key, 'aria-describedby': 'try-connectors-help' }),
          ` ${c.name}`
        )
      )
    ),
    general,
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Create connect link'))
  )
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    void (async () => {
      clearFieldIssues(form, general)
      try {
        const data = new FormData(form)
        const chosen = data.getAll('connectors').map(String)
        const link = await api.request<{ url: string; expiresAt: string }>('POST', '../v1/connect-sessions', {
          externalId: String(data.get('externalId') ?? '').trim(),
          ...(chosen.length === 0 ? {} : { connectors: chosen })
        })
        result.replaceChildren(
          h(
            'p',
            {},
            h(
              'a',
              { href: link.url, target: '_blank', rel: 'noopener', id: 'connect-link' },
              'Open the connect wizard'
            ),
            ` (valid until ${new Date(link.expiresAt).toLocaleTimeString()})`
          ),
          copyable('Connect link', link.url)
        )
      } catch (error) {
        if (error instanceof ApiError) showFieldIssues(form, error, general)
        else throw error
      }
    })()
  })
  byId('try-area').replaceChildren(form, result)
}

// ---------- Branding and embedding ----------

/** The image types the API takes as a logo, as the file input's `accept` and the upload's Content-Type. */
const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/svg+xml']
const LOGO_MAX_BYTES = 256 * 1024
/** White text on the accent colour (the wizard's buttons) must read: WCAG AA for normal text, as the API checks. */
const MIN_CONTRAST = 4.5
const HEX_COLOUR = /^#[0-9a-f]{6}$/i

/**
 * The contrast ratio of white text on `#rrggbb`, by the WCAG 2 formula the API applies
 * (`contrastWithWhite` in `@latchkey/runtime`), so the warning here and the API's refusal agree
 * (WCAG 2.1's definition of the contrast ratio).
 */
function contrastWithWhite(hex: string): number {
  const channel = (i: number): number => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }
  const luminance = 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2)
  return 1.05 / (luminance + 0.05)
}

/** A ratio as WCAG writes it, rounded down: a colour just short of 4.5:1 must not read as 4.5:1. */
function ratioWords(ratio: number): string {
  return `${(Math.floor(ratio * 10) / 10).toFixed(1)}:1`
}

/** A message from the API as a sentence of its own (some end without a full stop). */
function sentence(message: string): string {
  return /[.!?]$/.test(message) ? message : `${message}.`
}

/** A textarea's entries (one a line, blank lines skipped) and the line each came from. */
function entriesOf(textarea: HTMLTextAreaElement): { values: string[]; lines: number[] } {
  const values: string[] = []
  const lines: number[] = []
  textarea.value.split('\n').forEach((text, i) => {
    if (text.trim() === '') return
    values.push(text.trim())
    lines.push(i + 1)
  })
  return { values, lines }
}

async function loadSettings(): Promise<void> {
  const area = byId('settings-area')
  try {
    renderSettings(await api.request<SettingsView>('GET', '../v1/settings'))
  } catch (error) {
    area.replaceChildren(
      h(
        'div',
        { class: 'banner banner-error', role: 'alert' },
        h('strong', {}, 'The settings could not be loaded.'),
        h('p', {}, (error as Error).message)
      )
    )
  }
}

function renderSettings(current: SettingsView): void {
  byId('settings-area').replaceChildren(
    h(
      'p',
      { class: 'help' },
      'What your customers see in the connect wizard, and where your application may embed it.'
    ),
    settingsForm(current),
    logoArea(current)
  )
}

/**
 * The API's problems beside their fields. A list entry's problem (`body.embedOrigins[1]`)
 * names the textarea line it came from, every such line under its textarea.
 */
function showSettingsIssues(
  form: HTMLFormElement,
  error: ApiError,
  general: HTMLElement,
  lines: Record<string, number[]>
): void {
  const byList = new Map<string, string[]>()
  const others: FieldIssue[] = []
  for (const issue of error.issues) {
    const entry = /^(body\.\w+)\[(\d+)\]$/.exec(issue.path)
    const numbers = entry === null ? undefined : lines[entry[1]!]
    if (entry === null || numbers === undefined) {
      others.push(issue)
      continue
    }
    const index = Number(entry[2])
    const words = byList.get(entry[1]!) ?? []
    words.push(`Line ${numbers[index] ?? index + 1}: ${sentence(issue.message)}`)
    byList.set(entry[1]!, words)
  }
  const count = error.issues.length
  const summary =
    count === 0
      ? `The settings were not saved. ${sentence(error.message)}`
      : `The settings were not saved: ${count === 1 ? 'one problem, shown beside its field' : `${count} problems, shown beside their fields`}.`
  const placed = [...others, ...[...byList].map(([path, words]) => ({ path, message: words.join(' ') }))]
  showFieldIssues(form, new ApiError(error.status, error.code, summary, placed), general)
  // One line of the slot per textarea line at fault, rather than one run of text.
  for (const [path, words] of byList) {
    const slotId = form.querySelector(`[data-path="${path}"]`)?.getAttribute('aria-describedby')?.split(' ')[0]
    const slot = slotId === undefined ? null : form.querySelector(`#${CSS.escape(slotId)}`)
    slot?.replaceChildren(...words.map((line) => h('span', { class: 'line-issue' }, line)))
  }
}

function settingsForm(current: SettingsView): HTMLFormElement {
  const general = h('div', { class: 'banner banner-error form-error', role: 'alert', hidden: true })
  const saved = h('p', { id: 'settings-saved', class: 'settings-saved', role: 'status', tabindex: '-1' })
  const displayName = h('input', { name: 'displayName', type: 'text', autocomplete: 'off', maxlength: 100 })
  const origins = h('textarea', {
    name: 'embedOrigins',
    rows: 3,
    spellcheck: 'false',
    autocomplete: 'off',
    placeholder: 'https://app.example.com'
  })
  const redirects = h('textarea', {
    name: 'redirectUrls',
    rows: 3,
    spellcheck: 'false',
    autocomplete: 'off',
    placeholder: 'https://app.example.com/integrations/connected'
  })

  // The accent colour: a picker and a text field that follow each other, the text field the one
  // saved (empty: the default colour), a preview button in the colour and its contrast with white.
  const accent = h('input', {
    id: 'settings-accent',
    name: 'accentColor',
    type: 'text',
    autocomplete: 'off',
    spellcheck: 'false',
    maxlength: 7,
    placeholder: '#0b5cad',
    class: 'settings-accent-text',
    'data-path': 'body.accentColor',
    'aria-describedby': 'settings-accent-error settings-accent-help settings-contrast settings-contrast-warning'
  })
  const picker = h('input', {
    id: 'settings-accent-picker',
    type: 'color',
    'aria-label': 'Accent colour picker',
    'aria-describedby': 'settings-accent-help settings-contrast settings-contrast-warning'
  })
  // A sample, not a control: the contrast sentence beside it says what it shows.
  const preview = h(
    'span',
    { id: 'settings-preview', class: 'settings-preview-button', 'aria-hidden': 'true' },
    'Connect'
  )
  const contrast = h('p', { id: 'settings-contrast', class: 'settings-contrast' })
  // A live region that only changes when the colour crosses 4.5:1, not at every step of the picker.
  const warning = h('p', { id: 'settings-contrast-warning', class: 'settings-warning', 'aria-live': 'polite' })
  const defaultAccent = getComputedStyle(document.documentElement).getPropertyValue('--accent').trim() || '#1f5fbf'

  const showColour = (): void => {
    const typed = accent.value.trim()
    const colour = typed === '' ? defaultAccent : HEX_COLOUR.test(typed) ? typed.toLowerCase() : null
    preview.hidden = colour === null
    if (colour === null) {
      contrast.textContent = `${typed} is not a colour like #0b5cad: six hexadecimal digits after #.`
      if (warning.textContent !== '') warning.textContent = ''
      return
    }
    preview.style.backgroundColor = colour
    preview.style.borderColor = colour
    const ratio = contrastWithWhite(colour)
    contrast.textContent = `White text on ${colour}${typed === '' ? ' (the default colour)' : ''}: contrast ${ratioWords(ratio)}, at least ${MIN_CONTRAST}:1 needed.`
    const words =
      ratio < MIN_CONTRAST
        ? `Too light: white text on this colour is hard to read (${ratioWords(ratio)}, needs ${MIN_CONTRAST}:1). Choose a darker shade; the settings cannot be saved with it.`
        : ''
    if (warning.textContent !== words) warning.textContent = words
  }
  accent.addEventListener('input', () => {
    const typed = accent.value.trim()
    if (HEX_COLOUR.test(typed)) picker.value = typed.toLowerCase()
    else if (typed === '') picker.value = defaultAccent
    showColour()
  })
  picker.addEventListener('input', () => {
    accent.value = picker.value
    showColour()
  })

  const fill = (view: SettingsView): void => {
    displayName.value = view.displayName ?? ''
    accent.value = view.accentColor ?? ''
    picker.value = view.accentColor ?? defaultAccent
    origins.value = view.embedOrigins.join('\n')
    redirects.value = view.redirectUrls.join('\n')
    showColour()
  }
  fill(current)

  const form: HTMLFormElement = h(
    'form',
    { class: 'stack settings-form', novalidate: true, id: 'settings-form' },
    h('h3', {}, 'Name and colour'),
    field({
      label: 'Display name',
      path: 'body.displayName',
      help: 'What your customers see in the connect wizard; empty: your tenant name.',
      control: displayName
    }),
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'settings-accent' }, 'Accent colour'),
      h('div', { class: 'settings-accent-row' }, picker, accent),
      h(
        'p',
        { class: 'help', id: 'settings-accent-help' },
        "Colours the wizard's buttons and links. Their text is white, so the colour must be dark enough for it: a contrast of at least 4.5:1. Empty: the default blue."
      ),
      h(
        'div',
        { class: 'settings-preview' },
        h('span', { class: 'settings-preview-label', 'aria-hidden': 'true' }, 'Preview'),
        preview,
        contrast
      ),
      warning,
      h('p', { class: 'field-error', id: 'settings-accent-error', 'aria-live': 'polite' })
    ),
    h('h3', {}, 'Embedding'),
    h(
      'p',
      { class: 'help' },
      'Your application can open the wizard over its own page, in a modal or a popup, with the ',
      h('code', {}, '@latchkey/connect'),
      ' package and a connect session your backend creates; it tells your page what happened (connected, closed). See ',
      h('code', {}, 'docs/embedding.md'),
      '. The wizard only lets the origins below frame it or hear from it; with none, it opens as a page of its own.'
    ),
    field({
      label: 'Allowed embedding origins',
      path: 'body.embedOrigins',
      help: 'One origin per line, such as https://app.example.com: scheme, host and port, no path. Plain http only for localhost.',
      control: origins
    }),
    field({
      label: 'Redirect URLs',
      path: 'body.redirectUrls',
      help: 'One URL per line, such as https://app.example.com/integrations/connected: the pages a connect session may send the customer back to (its successUrl and failureUrl). The session may add its own query.',
      control: redirects
    }),
    general,
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Save settings'), saved)
  )
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    void (async () => {
      clearFieldIssues(form, general)
      saved.textContent = ''
      const originEntries = entriesOf(origins)
      const redirectEntries = entriesOf(redirects)
      try {
        const view = await api.request<SettingsView>('PUT', '../v1/settings', {
          displayName: displayName.value.trim() || null,
          accentColor: accent.value.trim() || null,
          embedOrigins: originEntries.values,
          redirectUrls: redirectEntries.values
        })
        // What the API stored, which may read differently from what was typed (a trailing slash dropped, a duplicate merged).
        fill(view)
        saved.textContent = 'Settings saved.'
        saved.focus()
      } catch (error) {
        if (!(error instanceof ApiError)) throw error
        showSettingsIssues(form, error, general, {
          'body.embedOrigins': originEntries.lines,
          'body.redirectUrls': redirectEntries.lines
        })
      }
    })()
  })
  return form
}

/** `PUT /v1/settings/logo` with the file's own bytes and type (`ApiClient` sends JSON only). */
async function uploadLogo(file: File): Promise<SettingsView> {
  let response: Response
  try {
    response = await fetch(new URL('../v1/settings/logo', location.href), {
      method: 'PUT',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': file.type },
      body: file,
      credentials: 'same-origin'
    })
  } catch {
    throw new ApiError(0, 'network', 'Latchkey could not be reached. Check your connection and try again.', [])
  }
  const answer: unknown = await response.json().catch(() => undefined)
  if (response.ok) return answer as SettingsView
  const error = (answer as { error?: { code?: string; message?: string; details?: unknown } } | undefined)?.error
  const issues = Array.isArray(error?.details) ? (error.details as FieldIssue[]) : []
  throw new ApiError(
    response.status,
    error?.code ?? 'error',
    error?.message ?? `the upload failed (${response.status})`,
    issues
  )
}

/** Why a logo was refused, in words that name the file. */
function logoProblem(file: File, error: ApiError): string {
  if (error.status === 413) return `${file.name} is larger than ${LOGO_MAX_BYTES / 1024} KiB.`
  if (error.status === 415) return `${file.name} is not a PNG, JPEG, WebP or SVG image.`
  if (error.status === 0) return error.message
  return `${file.name} was not uploaded. ${sentence(error.issues[0]?.message ?? error.message)}`
}

/** The logo: shown when set, replaced as soon as a file is chosen, removed by its button. */
function logoArea(current: SettingsView): HTMLElement {
  const shown = h('div', { id: 'settings-logo-current', class: 'settings-logo-current' })
  const input = h('input', {
    id: 'settings-logo-file',
    type: 'file',
    accept: LOGO_TYPES.join(','),
    'aria-describedby': 'settings-logo-error settings-logo-help'
  })
  const problem = h('p', { id: 'settings-logo-error', class: 'field-error', 'aria-live': 'polite' })
  const done = h('p', { id: 'settings-logo-status', class: 'settings-saved', role: 'status', tabindex: '-1' })
  const show = (logoUrl: string | null): void => {
    shown.replaceChildren(
      logoUrl === null
        ? h('p', { class: 'muted' }, 'No logo yet: the wizard shows your display name alone.')
        : h('img', { src: logoUrl, alt: 'Your logo', class: 'settings-logo' })
    )
    remove.hidden = logoUrl === null
  }
  const fail = (words: string): void => {
    problem.textContent = words
    input.setAttribute('aria-invalid', 'true')
  }
  const clear = (): void => {
    problem.textContent = ''
    done.textContent = ''
    input.removeAttribute('aria-invalid')
  }
  const remove = h(
    'button',
    {
      type: 'button',
      class: 'danger',
      id: 'settings-logo-remove',
      onclick: () => {
        clear()
        void api.request<SettingsView>('DELETE', '../v1/settings/logo').then(
          (view) => {
            show(view.logoUrl)
            done.textContent = 'Logo removed.'
            // The button that had focus is gone now: focus goes to what happened, not to the page body.
            done.focus()
          },
          (error: Error) => fail(`The logo was not removed. ${sentence(error.message)}`)
        )
      }
    },
    'Remove logo'
  )
  input.addEventListener('change', () => {
    const file = input.files?.[0]
    if (file === undefined) return
    clear()
    // Choosing the same file again after a refusal must fire `change` again.
    input.value = ''
    // The API decides by the bytes; these two checks only spare an upload bound to fail.
    if (!LOGO_TYPES.includes(file.type)) return fail(`${file.name} is not a PNG, JPEG, WebP or SVG image.`)
    if (file.size > LOGO_MAX_BYTES)
      return fail(
        `${file.name} is ${Math.ceil(file.size / 1024)} KiB; a logo may be ${LOGO_MAX_BYTES / 1024} KiB at most.`
      )
    done.textContent = `Uploading ${file.name}…`
    void uploadLogo(file).then(
      (view) => {
        show(view.logoUrl)
        done.textContent = 'Logo uploaded.'
      },
      (error: unknown) => {
        done.textContent = ''
        if (!(error instanceof ApiError)) throw error
        fail(logoProblem(file, error))
      }
    )
  })
  show(current.logoUrl)
  return h(
    'div',
    { class: 'stack settings-logo-area' },
    h('h3', {}, 'Logo'),
    shown,
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'settings-logo-file' }, 'Choose a logo to upload'),
      input,
      h(
        'p',
        { class: 'help', id: 'settings-logo-help' },
        'Shown in the connect wizard beside your display name. PNG, JPEG, WebP or SVG, at most 256 KiB; uploaded as soon as you choose it, apart from Save settings.'
      ),
      problem
    ),
    h('div', { class: 'actions' }, remove, done)
  )
}

function start(): void {
  const form = byId<HTMLFormElement>('sign-in-form')
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    const key = byId<HTMLInputElement>('api-key').value.trim()
    if (key === '') {
      byId('api-key-error').textContent = 'Enter the tenant API key.'
      return
    }
    void signIn(key).then((ok) => {
      if (ok) byId('main').focus()
    })
  })
  byId('sign-out').addEventListener('click', () => {
    sessionStorage.removeItem(KEY)
    location.reload()
  })
  const saved = sessionStorage.getItem(KEY)
  if (saved !== null) void signIn(saved)
}

start()
