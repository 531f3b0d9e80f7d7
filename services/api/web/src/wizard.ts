// The connect wizard: what an end customer sees, opened from a connect-session URL.
// The session token arrives in the URL fragment (never sent to a server) and is kept in
// this tab's sessionStorage, so a full-page trip to the provider comes back signed in.
import { ApiClient, ApiError, announce, clearFieldIssues, copyable, eventList, field, h, showFieldIssues, stateBadge, timeAgo } from './common.js'
import type { Connection, ConnectionEvent, ConnectorSummary, ParameterSummary } from './common.js'

interface Overview {
  externalId: string
  expiresAt: string
  connectors: ConnectorSummary[]
  connections: Connection[]
}

interface ConnectOutcome {
  type: 'latchkey:connect'
  ok: boolean
  connectionId?: string
  code?: string
  title?: string
  hint?: string
}

const SESSION_KEY = 'latchkey.connectSession'
const POLL_MS = 5000

const status = document.getElementById('status') as HTMLElement
const list = document.getElementById('connectors') as HTMLElement
const sessionInfo = document.getElementById('session-info') as HTMLElement

let api: ApiClient
let overview: Overview | undefined
/** Logs the person opened stay open across refreshes. */
const openLogs = new Set<string>()
/** The popup of the connect attempt in progress, watched until it closes. */
let popup: Window | null = null

function readFragment(): { session?: string; outcome?: ConnectOutcome } {
  const params = new URLSearchParams(location.hash.slice(1))
  const result: { session?: string; outcome?: ConnectOutcome } = {}
  const session = params.get('session')
  if (session !== null) result.session = session
  const outcome = params.get('outcome')
  if (outcome !== null) {
    try {
      const json = atob(outcome.replace(/-/g, '+').replace(/_/g, '/'))
      result.outcome = JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0)))) as ConnectOutcome
    } catch {
      // A damaged fragment is ignored; the connection's state is shown anyway.
    }
  }
  if (location.hash !== '') history.replaceState(null, '', location.pathname + location.search)
  return result
}

function showOutcome(outcome: ConnectOutcome): void {
  if (outcome.ok) announce(status, 'ok', 'Authorization completed successfully', 'Your account is connected.')
  else announce(status, 'error', outcome.title ?? 'The connection could not be completed', outcome.hint)
}

async function load(): Promise<void> {
  let next: Overview
  try {
    next = await api.request<Overview>('GET', '../v1/connect/session')
  } catch (error) {
    list.setAttribute('aria-busy', 'false')
    if (error instanceof ApiError && error.status === 401) {
      sessionStorage.removeItem(SESSION_KEY)
      list.replaceChildren(h('p', { class: 'banner banner-error' }, 'This connect link is not valid or has expired. Go back to the application and open it again.'))
      return
    }
    announce(status, 'error', 'Could not load your connections', (error as Error).message)
    return
  }
  // Re-render only on change, so polling never moves keyboard focus.
  if (overview !== undefined && JSON.stringify(next) === JSON.stringify(overview)) return
  overview = next
  render()
}

function render(): void {
  if (overview === undefined) return
  sessionInfo.textContent = `Link valid until ${new Date(overview.expiresAt).toLocaleTimeString()}`
  list.setAttribute('aria-busy', 'false')
  if (overview.connectors.length === 0) {
    list.replaceChildren(h('p', {}, 'There is nothing to connect here yet.'))
    return
  }
  const sections = overview.connectors.map((connector) => {
    const existing = list.querySelector<HTMLElement>(`section[data-connector="${CSS.escape(connector.key)}"]`)
    const connections = overview!.connections.filter((c) => c.connector === connector.key)
    const section = existing ?? connectorSection(connector, connections.length === 0)
    section.querySelector('.connections')!.replaceChildren(...connections.map((c) => connectionCard(connector, c)))
    return section
  })
  list.replaceChildren(...sections)
}

function connectorSection(connector: ConnectorSummary, openForm: boolean): HTMLElement {
  const headingId = `h-${connector.key}`
  const form = newConnectionForm(connector)
  const details = h('details', { class: 'new-connection', open: openForm }, h('summary', {}, `Add a ${connector.name} connection`), form)
  return h(
    'section',
    { class: 'connector card', 'data-connector': connector.key, 'aria-labelledby': headingId },
    h('h2', { id: headingId }, connector.name),
    connector.description === null ? null : h('p', { class: 'muted' }, connector.description),
    h('div', { class: 'connections' }),
    details
  )
}

function connectionCard(connector: ConnectorSummary, connection: Connection): HTMLElement {
  const title = connection.label ?? connector.name
  const logId = `log-${connection.id}`
  const log = h('div', { class: 'log-area', id: logId, hidden: !openLogs.has(connection.id) })
  if (openLogs.has(connection.id)) void showLog(connection.id, log)
  const granted = connection.scopes.granted.length > 0 ? connection.scopes.granted : connection.scopes.requested
  const connected = connection.status === 'connected'
  const actions = h(
    'div',
    { class: 'actions' },
    h('button', { type: 'button', onclick: () => void reconnect(connector, connection.id) }, connection.status === 'configured' ? 'Connect' : 'Reconnect'),
    connected || connection.status === 'error' ? h('button', { type: 'button', class: 'danger', onclick: () => void disconnect(connection.id) }, 'Disconnect') : null,
    h('button', {
      type: 'button',
      class: 'secondary',
      'aria-expanded': String(openLogs.has(connection.id)),
      'aria-controls': logId,
      onclick: (event: Event) => {
        const button = event.currentTarget as HTMLButtonElement
        const show = log.hidden
        log.hidden = !show
        button.setAttribute('aria-expanded', String(show))
        if (show) {
          openLogs.add(connection.id)
          void showLog(connection.id, log)
        } else openLogs.delete(connection.id)
      }
    }, 'Log')
  )
  const account = Object.entries(connection.metadata).filter(([, v]) => typeof v === 'string' || typeof v === 'number')
  return h(
    'article',
    { class: 'connection', 'data-connection-id': connection.id, 'aria-label': `${title}: ${connection.status}` },
    h('div', { class: 'connection-head' }, h('strong', {}, title), stateBadge(connection)),
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, 'Last used'), h('dd', {}, timeAgo(connection.lastUsedAt)),
      h('dt', {}, connection.scopes.granted.length > 0 ? 'Granted scopes' : 'Requested scopes'), h('dd', { class: 'scopes' }, granted.length === 0 ? '—' : granted.join(', ')),
      ...account.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, String(v))])
    ),
    actions,
    log
  )
}

async function showLog(connectionId: string, area: HTMLElement): Promise<void> {
  try {
    const { events } = await api.request<{ events: ConnectionEvent[] }>('GET', `../v1/connect/connections/${connectionId}/events?limit=50`)
    area.replaceChildren(h('h3', {}, 'Log'), eventList(events))
  } catch (error) {
    area.replaceChildren(h('p', { class: 'banner banner-error' }, (error as Error).message))
  }
}

function parameterControl(parameter: ParameterSummary): HTMLInputElement | HTMLSelectElement {
  if (parameter.type === 'dropdown') {
    return h('select', { name: parameter.key }, ...(parameter.required ? [] : [h('option', { value: '' }, '—')]), ...(parameter.options ?? []).map((o) => h('option', { value: o.value, selected: o.value === parameter.default }, o.label)))
  }
  return h('input', {
    type: parameter.type === 'password' ? 'password' : 'text',
    name: parameter.key,
    autocomplete: parameter.type === 'password' ? 'new-password' : 'off',
    placeholder: parameter.placeholder ?? undefined,
    value: parameter.default ?? undefined,
    spellcheck: 'false'
  })
}

function newConnectionForm(connector: ConnectorSummary): HTMLFormElement {
  const general = h('div', { class: 'banner banner-error form-error', role: 'alert', hidden: true })
  const unavailable = connector.clientOwnership === 'developer' && !connector.appConfigured
  const parameterFields = connector.parameters.map((p) => {
    const help = [p.helpText, p.pattern === null ? null : p.patternMessage].filter((x): x is string => x !== null).join(' ') || null
    return field({ label: p.label, path: `body.parameters.${p.key}`, control: parameterControl(p), help, required: p.required })
  })
  const scopePicker = connector.customerSelectsScopes && connector.scopes.length > 0
    ? h(
        'fieldset',
        { class: 'scopes-picker', 'data-path': 'body.scopes', 'aria-describedby': `scopes-${connector.key}-error` },
        h('legend', {}, 'Permissions to grant'),
        ...connector.scopes.map((s) =>
          h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'scope', value: s.name, checked: connector.defaultScopes.includes(s.name) }), h('span', {}, h('code', {}, s.name), ' ', s.description))
        ),
        h('p', { class: 'field-error', id: `scopes-${connector.key}-error`, 'aria-live': 'polite' })
      )
    : null
  const clientFields = connector.clientOwnership === 'customer'
    ? h(
        'fieldset',
        {},
        h('legend', {}, `Your ${connector.name} OAuth app`),
        h('p', { class: 'help' }, `Register this redirect URI in your ${connector.name} app, then give its client id and secret.`),
        copyable('Redirect URI', connector.redirectUri),
        field({ label: 'Client ID', path: 'body.client.clientId', control: h('input', { type: 'text', name: 'clientId', autocomplete: 'off', spellcheck: 'false' }), required: true }),
        field({ label: 'Client secret', path: 'body.client.clientSecret', control: h('input', { type: 'password', name: 'clientSecret', autocomplete: 'new-password' }), required: true })
      )
    : null
  const label = field({ label: 'Name for this connection', path: 'body.label', control: h('input', { type: 'text', name: 'label', autocomplete: 'off', placeholder: connector.name }), help: 'Optional; helps you tell several connections apart.' })
  const form: HTMLFormElement = h(
    'form',
    { class: 'stack', novalidate: true, 'data-connector-form': connector.key },
    unavailable ? h('p', { class: 'banner banner-info' }, `${connector.name} is not available yet: the application has not set up its ${connector.name} app.`) : null,
    ...parameterFields,
    scopePicker,
    clientFields,
    label,
    general,
    h('div', { class: 'actions' }, h('button', { type: 'submit', disabled: unavailable }, `Connect ${connector.name}`))
  )
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    void connectNew(connector, form, general)
  })
  return form
}

function readForm(connector: ConnectorSummary, form: HTMLFormElement): Record<string, unknown> {
  const data = new FormData(form)
  const parameters: Record<string, string> = {}
  for (const p of connector.parameters) {
    const value = String(data.get(p.key) ?? '')
    if (value !== '') parameters[p.key] = value
  }
  const body: Record<string, unknown> = { connector: connector.key, parameters }
  if (connector.customerSelectsScopes && connector.scopes.length > 0) body.scopes = data.getAll('scope').map(String)
  if (connector.clientOwnership === 'customer') body.client = { clientId: String(data.get('clientId') ?? ''), clientSecret: String(data.get('clientSecret') ?? '') }
  const label = String(data.get('label') ?? '').trim()
  if (label !== '') body.label = label
  return body
}

/** Opens the popup now, inside the click, so popup blockers allow it; `null` means blocked. */
function openPopup(): Window | null {
  const opened = window.open('about:blank', 'latchkey-connect', 'popup,width=620,height=760')
  if (opened !== null) opened.document.title = 'Connecting…'
  return opened
}

async function connectNew(connector: ConnectorSummary, form: HTMLFormElement, general: HTMLElement): Promise<void> {
  const opened = openPopup()
  const submit = form.querySelector<HTMLButtonElement>('button[type="submit"]')!
  submit.disabled = true
  clearFieldIssues(form, general)
  try {
    const connection = await api.request<Connection>('POST', '../v1/connect/connections', readForm(connector, form))
    form.reset()
    overview?.connections.push(connection)
    render()
    await startAuthorization(connector, connection.id, opened)
  } catch (error) {
    opened?.close()
    if (error instanceof ApiError) showFieldIssues(form, error, general)
    else announce(status, 'error', 'Something went wrong', (error as Error).message)
  } finally {
    submit.disabled = false
  }
}

async function reconnect(connector: ConnectorSummary, connectionId: string): Promise<void> {
  const opened = openPopup()
  try {
    await startAuthorization(connector, connectionId, opened)
  } catch (error) {
    opened?.close()
    announce(status, 'error', 'Could not start the connection', (error as Error).message)
  }
}

/** Sends the browser to the provider: in the popup, or (blocked) by a full-page redirect that comes back here. */
async function startAuthorization(connector: ConnectorSummary, connectionId: string, opened: Window | null): Promise<void> {
  const { authorizeUrl } = await api.request<{ authorizeUrl: string }>('POST', `../v1/connect/connections/${connectionId}/authorize`, { returnToWizard: opened === null })
  if (opened === null) {
    announce(status, 'info', `Taking you to ${connector.name}…`)
    location.assign(authorizeUrl)
    return
  }
  popup = opened
  opened.location.href = authorizeUrl
  announce(status, 'info', `Waiting for ${connector.name}`, 'Approve access in the window that opened. This page updates when you are done.')
}

async function disconnect(connectionId: string): Promise<void> {
  try {
    await api.request('POST', `../v1/connect/connections/${connectionId}/disconnect`)
    announce(status, 'info', 'Disconnected', 'The connection was removed and its access revoked.')
  } catch (error) {
    announce(status, 'error', 'Could not disconnect', (error as Error).message)
  }
  await load()
}

function start(): void {
  const fragment = readFragment()
  if (fragment.session !== undefined) sessionStorage.setItem(SESSION_KEY, fragment.session)
  const token = sessionStorage.getItem(SESSION_KEY)
  if (token === null) {
    list.setAttribute('aria-busy', 'false')
    list.replaceChildren(h('p', { class: 'banner banner-error' }, 'Open this page from the link the application gives you.'))
    return
  }
  api = new ApiClient(location.href, token)
  if (fragment.outcome !== undefined) showOutcome(fragment.outcome)
  window.addEventListener('message', (event: MessageEvent) => {
    const data = event.data as Partial<ConnectOutcome> | null
    if (event.origin !== location.origin || data?.type !== 'latchkey:connect') return
    showOutcome(data as ConnectOutcome)
    popup = null
    void load()
  })
  // A popup closed without an answer (the person gave up): show the state as it is.
  setInterval(() => {
    if (popup !== null && popup.closed) {
      popup = null
      void load()
    } else if (document.visibilityState === 'visible' && popup === null) void load()
  }, POLL_MS)
  void load()
}

start()
