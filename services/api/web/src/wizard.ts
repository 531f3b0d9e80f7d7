// The connect wizard: what an end customer sees, opened from a connect-session URL.
// The session token arrives in the URL fragment (never sent to a server) and is kept in
// this tab's sessionStorage, so a full-page trip to the provider comes back signed in.
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
  speak,
  stateBadge,
  tabStorage,
  timeAgo
} from './common.js'
import type { Connection, ConnectionEvent, ConnectorSummary, FieldIssue, ParameterSummary } from './common.js'
import { Host, readEmbedRequest } from './embedding.js'
import type { EmbedRequest, HostMessage } from './embedding.js'
import { stringsFor } from './wizard-strings.js'
import type { WizardStrings } from './wizard-strings.js'

type Scheme = ConnectorSummary['schemes'][number]
type VerifyAnswer = {
  ok: boolean
  status: number | null
  account: Record<string, unknown> | null
  reason: string | null
}

interface Overview {
  externalId: string
  expiresAt: string
  connectors: ConnectorSummary[]
  connections: Connection[]
  /** Per connector key, the actions the application will use and the scopes they need. */
  actions: Record<string, { actions: string[]; scopes: string[] }>
  /** Per connection id, the scopes those actions need that it was not granted. */
  missingScopes: Record<string, string[]>
  /** The tenant as its customers know it. */
  branding: { name: string; accentColor: string | null; logoUrl: string | null }
  /** Origins allowed to embed this wizard. */
  embedOrigins: string[]
  successUrl: string | null
  failureUrl: string | null
  locale: string
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
const brand = document.getElementById('brand') as HTMLElement
const doneButton = document.getElementById('done') as HTMLButtonElement

let api: ApiClient
/** The wizard's words in the session's language (`locale`), English until the session is read. */
let words: WizardStrings = stringsFor('en')
let overview: Overview | undefined
/** Logs the person opened stay open across refreshes. */
const openLogs = new Set<string>()
/** Connections whose "replace the key" form is open. */
const openReplace = new Set<string>()
/** The popup of the connect attempt in progress and whose card it is for, watched until it closes. */
let popup: { window: Window; connectionId: string; connectorName: string } | null = null
/** How the builder's page opened this wizard (modal or popup), when it did. */
let embedRequest: EmbedRequest | undefined
/** The builder's page, once its origin was found allowed; told what happens. */
let host: Host | undefined

function readFragment(): { session?: string; outcome?: ConnectOutcome; params: URLSearchParams } {
  const params = new URLSearchParams(location.hash.slice(1))
  const result: { session?: string; outcome?: ConnectOutcome; params: URLSearchParams } = { params }
  const session = params.get('session')
  if (session !== null) result.session = session
  const outcome = params.get('outcome')
  if (outcome !== null) {
    try {
      const json = atob(outcome.replace(/-/g, '+').replace(/_/g, '/'))
      result.outcome = JSON.parse(
        new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0)))
      ) as ConnectOutcome
    } catch {
      // A damaged fragment is ignored; the connection's state is shown anyway.
    }
  }
  if (location.hash !== '') history.replaceState(null, '', location.pathname + location.search)
  return result
}

/** The outcome of a browser step, said on its connection's card (at the top when there is no card). */
function showOutcome(outcome: ConnectOutcome): void {
  const title = outcome.ok ? words.authorizationCompleted : (outcome.title ?? words.couldNotComplete)
  const detail = outcome.ok ? words.accountConnected : (outcome.hint ?? '')
  if (outcome.connectionId === undefined) {
    announce(status, outcome.ok ? 'ok' : 'error', title, detail)
    return
  }
  status.replaceChildren()
  notices.set(outcome.connectionId, { kind: outcome.ok ? 'ok' : 'error', text: `${title}. ${detail}`.trim() })
}

async function load(): Promise<void> {
  let next: Overview
  try {
    next = await api.request<Overview>('GET', '../v1/connect/session')
  } catch (error) {
    list.setAttribute('aria-busy', 'false')
    if (error instanceof ApiError && error.status === 401) {
      tabStorage.remove(SESSION_KEY)
      list.replaceChildren(h('p', { class: 'banner banner-error' }, words.linkNotValid))
      return
    }
    announce(status, 'error', words.couldNotLoad, (error as Error).message)
    return
  }
  // Re-render only on change, so polling never moves keyboard focus.
  if (overview !== undefined && JSON.stringify(next) === JSON.stringify(overview)) return
  const first = overview === undefined
  overview = next
  if (first) welcome(next)
  render()
}

/** Once per page: the session's language, the tenant's name, colour and logo, and the embedding page told the wizard is ready. */
function welcome(first: Overview): void {
  speakIn(first.locale)
  const { name, accentColor, logoUrl } = first.branding
  brand.replaceChildren(
    ...(logoUrl === null ? [] : [h('img', { class: 'brand-logo', src: logoUrl, alt: '', height: '28' })]),
    h('span', {}, name)
  )
  document.title = words.documentTitle(name)
  // Set from script (CSSOM), which the page's style-src 'self' allows; the API checked it reads with white text.
  if (accentColor !== null) document.documentElement.style.setProperty('--accent', accentColor)
  if (embedRequest === undefined) return
  const opened = Host.open(embedRequest, first.embedOrigins)
  if (typeof opened === 'string') {
    announce(status, 'error', words.cannotEmbed, opened)
    return
  }
  host = opened
  // The modal's own close button sits over the frame's top right corner: the header keeps clear of it.
  if (host.mode === 'modal') document.body.classList.add('embedded-modal')
  doneButton.hidden = false
  doneButton.onclick = () => host?.post({ type: 'close' })
  host.post({ type: 'ready' })
}

/**
 * After an outcome was said on its card: the embedding page hears it; otherwise the session's
 * success or failure page (allowlisted by the API) takes the customer back to the application.
 */
function report(message: Extract<HostMessage, { type: 'connected' | 'error' }>, redirect: boolean): void {
  if (host !== undefined) return host.post(message)
  if (!redirect || overview === undefined) return
  const page = message.type === 'connected' ? overview.successUrl : overview.failureUrl
  if (page === null) return
  const url = new URL(page)
  if (message.type === 'connected') url.searchParams.set('connectionId', message.connectionId)
  else url.searchParams.set('error', message.code)
  if (message.connector !== undefined) url.searchParams.set('connector', message.connector)
  announce(status, 'info', words.takingYouBack(overview.branding.name))
  location.assign(url.href)
}

/** A browser step's outcome, told to the embedding page or by the redirect, once the connections were read again. */
function reportOutcome(outcome: ConnectOutcome): void {
  const connector = overview?.connections.find((c) => c.id === outcome.connectionId)?.connector
  const about = {
    ...(connector === undefined ? {} : { connector }),
    ...(outcome.connectionId === undefined ? {} : { connectionId: outcome.connectionId })
  }
  if (outcome.ok && outcome.connectionId !== undefined && connector !== undefined)
    report({ type: 'connected', connectionId: outcome.connectionId, connector }, true)
  else if (!outcome.ok)
    report(
      {
        type: 'error',
        code: outcome.code ?? 'connect_failed',
        message: [outcome.title, outcome.hint].filter(Boolean).join('. '),
        ...about
      },
      true
    )
}

function render(): void {
  if (overview === undefined) return
  sessionInfo.textContent = words.linkValidUntil(new Date(overview.expiresAt).toLocaleTimeString(words.language))
  list.setAttribute('aria-busy', 'false')
  if (overview.connectors.length === 0) {
    list.replaceChildren(h('p', {}, words.nothingToConnect))
    return
  }
  // Only what the customer can use: a connector with a usable scheme, or one they already have connections of.
  const asked = embedRequest?.connector
  const shown = overview.connectors.filter(
    (connector) =>
      (asked === undefined || connector.key === asked) &&
      (connector.schemes.some((scheme) => usable(connector, scheme)) ||
        overview!.connections.some((c) => c.connector === connector.key))
  )
  if (shown.length === 0) {
    list.replaceChildren(h('p', {}, words.nothingToConnect))
    return
  }
  const sections = shown.map((connector) => {
    const existing = list.querySelector<HTMLElement>(`section[data-connector="${CSS.escape(connector.key)}"]`)
    const connections = overview!.connections.filter((c) => c.connector === connector.key)
    // With several connectors the forms start closed, so the list stays short.
    const section = existing ?? connectorSection(connector, connections.length === 0 && shown.length <= SEARCH_FROM)
    section.querySelector('.connections')!.replaceChildren(...connections.map((c) => connectionCard(connector, c)))
    return section
  })
  const noMatch = list.querySelector<HTMLElement>('p.no-match') ?? h('p', { class: 'no-match muted', hidden: true })
  const search = shown.length > SEARCH_FROM ? searchBox(sections, noMatch) : null
  list.replaceChildren(...(search === null ? [] : [search]), ...sections, noMatch)
  search?.querySelector('input')?.dispatchEvent(new Event('input'))
}

/** More connectors than this get a search box. */
const SEARCH_FROM = 6

/** Filters the connector sections by name as the customer types; kept across re-renders. */
function searchBox(sections: readonly HTMLElement[], noMatch: HTMLElement): HTMLElement {
  const existing = list.querySelector<HTMLElement>('div.connector-search')
  const box =
    existing ??
    h(
      'div',
      { class: 'connector-search' },
      h('label', { for: 'connector-search' }, words.searchConnectors),
      h('input', { id: 'connector-search', type: 'search', autocomplete: 'off', placeholder: words.searchPlaceholder })
    )
  const input = box.querySelector('input') as HTMLInputElement
  input.oninput = () => {
    const wanted = input.value.trim().toLowerCase()
    let visible = 0
    for (const section of sections) {
      const name = (section.dataset.name ?? '').toLowerCase()
      const match = wanted === '' || name.includes(wanted) || (section.dataset.connector ?? '').includes(wanted)
      section.hidden = !match
      if (match) visible += 1
    }
    noMatch.hidden = visible > 0
    noMatch.textContent = visible > 0 ? '' : words.noConnectorMatches(input.value.trim())
  }
  return box
}

function connectorSection(connector: ConnectorSummary, openForm: boolean): HTMLElement {
  const headingId = `h-${connector.key}`
  const form = newConnectionForm(connector)
  const details = h(
    'details',
    { class: 'new-connection', open: openForm },
    h('summary', {}, words.addConnection(connector.name)),
    form
  )
  return h(
    'section',
    {
      class: 'connector card',
      'data-connector': connector.key,
      'data-name': connector.name,
      'aria-labelledby': headingId
    },
    h(
      'h2',
      { id: headingId, class: 'connector-name' },
      h('img', { class: 'monogram', src: connector.iconUrl, alt: '', width: '32', height: '32' }),
      connector.name
    ),
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
  const scheme = schemeOf(connector, connection)
  // Typed-in credentials are replaced on the same connection, so flows keep its id.
  const replaceForm =
    scheme !== undefined && !scheme.redirect && scheme.inputs.length > 0 && connection.status !== 'disconnected'
      ? credentialsForm(connector, scheme, connection.id)
      : null
  const verifiable = connector.verification !== null && (connected || connection.status === 'error')
  // What the application's actions need and this connection was not granted: reconnecting asks for it.
  const missing = overview?.missingScopes[connection.id] ?? []
  const actions = h(
    'div',
    { class: 'actions' },
    // Only a browser step is redone by reconnecting; typed-in credentials are replaced in place (below).
    scheme?.redirect === true
      ? h(
          'button',
          { type: 'button', onclick: () => void reconnect(connector, connection.id) },
          connection.status === 'configured'
            ? words.connect
            : missing.length > 0
              ? words.grantMoreAccess
              : words.reconnect
        )
      : null,
    verifiable
      ? h(
          'button',
          {
            type: 'button',
            class: 'secondary',
            onclick: (event: Event) => void verify(connector, connection.id, event.currentTarget as HTMLButtonElement)
          },
          words.checkConnection
        )
      : null,
    replaceForm === null
      ? null
      : h(
          'button',
          {
            type: 'button',
            class: 'secondary',
            'aria-expanded': String(openReplace.has(connection.id)),
            onclick: (event: Event) => {
              const show = replaceForm.hidden
              replaceForm.hidden = !show
              ;(event.currentTarget as HTMLElement).setAttribute('aria-expanded', String(show))
              if (show) {
                openReplace.add(connection.id)
                replaceForm.querySelector('input')?.focus()
              } else openReplace.delete(connection.id)
            }
          },
          replaceLabel(scheme!)
        ),
    // A card that holds nothing (never connected, or disconnected) can be cleared away.
    connection.status === 'configured' || connection.status === 'disconnected'
      ? h(
          'button',
          {
            type: 'button',
            class: 'secondary',
            onclick: () => void remove(connector, connection)
          },
          words.remove
        )
      : null,
    connected || connection.status === 'error'
      ? h(
          'button',
          {
            type: 'button',
            class: 'danger',
            onclick: (event: Event) => confirmDisconnect(connector, connection, event.currentTarget as HTMLElement)
          },
          words.disconnect
        )
      : null,
    h(
      'button',
      {
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
      },
      words.log
    )
  )
  const plain = (entries: [string, unknown][]): [string, string][] =>
    entries
      .filter((e): e is [string, string | number] => typeof e[1] === 'string' || typeof e[1] === 'number')
      .map(([k, v]) => [k, String(v)])
  // Who the credentials belong to, as the verification request found; then kept token fields.
  const identity = plain(identityEntries(connector, connection.account))
  const kept = plain(Object.entries(connection.metadata)).filter(([k]) => !identity.some(([i]) => i === k))
  return h(
    'article',
    {
      class: 'connection',
      'data-connection-id': connection.id,
      'aria-label': words.cardLabel(title, connection.status)
    },
    h('div', { class: 'connection-head' }, h('strong', {}, title), stateBadge(connection)),
    h(
      'dl',
      { class: 'facts' },
      ...(connector.schemes.length > 1 && scheme !== undefined
        ? [h('dt', {}, words.connectedWith), h('dd', { 'data-fact': 'scheme' }, scheme.label)]
        : []),
      ...identity.flatMap(([k, v]) => [h('dt', {}, labelOf(k)), h('dd', { 'data-account': k }, v)]),
      // What the customer typed to say where (a subdomain, a region), so two connections differ at a glance.
      ...connector.parameters
        .filter((p) => typeof connection.parameters[p.key] === 'string' && connection.parameters[p.key] !== '')
        .flatMap((p) => [
          h('dt', {}, p.label),
          h('dd', { 'data-parameter': p.key }, optionLabel(p, connection.parameters[p.key] ?? ''))
        ]),
      h('dt', {}, words.lastUsed),
      h('dd', {}, timeAgo(connection.lastUsedAt)),
      ...(connection.verifiedAt === null
        ? []
        : [h('dt', {}, words.lastChecked), h('dd', {}, timeAgo(connection.verifiedAt))]),
      ...(scheme?.kind === 'oauth2'
        ? [
            h('dt', {}, connection.scopes.granted.length > 0 ? words.grantedScopes : words.requestedScopes),
            h('dd', { class: 'scopes' }, granted.length === 0 ? '—' : granted.join(', '))
          ]
        : []),
      ...kept.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])
    ),
    missing.length === 0
      ? null
      : h(
          'p',
          { class: 'banner banner-warn missing-scopes', 'data-missing-scopes': missing.join(' ') },
          words.needsMoreAccess(connector.name, missing.join(', ')),
          words.grantMoreAccessHint
        ),
    actions,
    cardNotice(connection.id),
    replaceForm,
    log
  )
}

/** What last happened to a card, said on the card itself (kept across re-renders until the next outcome). */
const notices = new Map<string, { kind: NoticeKind; text: string }>()
type NoticeKind = 'ok' | 'info' | 'warn' | 'error'

function cardNotice(connectionId: string): HTMLElement {
  const notice = notices.get(connectionId)
  return h(
    'p',
    {
      class: notice === undefined ? 'card-notice' : `card-notice banner banner-${notice.kind}`,
      role: 'status',
      tabindex: '-1',
      'data-notice': connectionId,
      hidden: notice === undefined
    },
    notice?.text ?? ''
  )
}

/** Says an outcome on the card and moves focus there, so it is seen where the person is looking. */
function tellCard(connectionId: string, kind: NoticeKind, text: string): void {
  notices.set(connectionId, { kind, text })
  const current = list.querySelector<HTMLElement>(`[data-notice="${CSS.escape(connectionId)}"]`)
  current?.replaceWith(cardNotice(connectionId))
  list.querySelector<HTMLElement>(`[data-notice="${CSS.escape(connectionId)}"]`)?.focus()
}

/** Disconnecting revokes access: asked for once more, on the card, before it happens. */
function confirmDisconnect(connector: ConnectorSummary, connection: Connection, button: HTMLElement): void {
  const title = connection.label ?? connector.name
  const cancel = h('button', { type: 'button', class: 'secondary' }, words.cancel)
  const confirm = h('button', { type: 'button', class: 'danger' }, words.yesDisconnect)
  const question = h(
    'div',
    { class: 'confirm', role: 'group', 'aria-label': words.disconnectQuestionLabel(title) },
    h('p', {}, words.disconnectQuestion(title, connector.name)),
    h('div', { class: 'actions' }, confirm, cancel)
  )
  cancel.onclick = () => {
    question.replaceWith(button)
    button.focus()
  }
  confirm.onclick = () => void disconnect(connector, connection.id)
  button.replaceWith(question)
  confirm.focus()
}

function replaceLabel(scheme: Scheme): string {
  const only = scheme.inputs[0]
  if (scheme.kind !== 'apiKey' || scheme.inputs.length !== 1 || only === undefined) return words.updateCredentials
  return words.replaceCredential(only.label)
}

/** The scheme's inputs again, to save new credentials on this connection. */
function credentialsForm(connector: ConnectorSummary, scheme: Scheme, connectionId: string): HTMLFormElement {
  const general = h('div', { class: 'banner banner-error form-error', role: 'alert', hidden: true })
  const form: HTMLFormElement = h(
    'form',
    {
      class: 'stack replace-credentials',
      novalidate: true,
      hidden: !openReplace.has(connectionId),
      'aria-label': replaceLabel(scheme)
    },
    schemeFields(connector, scheme),
    general,
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, words.save))
  )
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    void replaceCredentials(connector, scheme, connectionId, form, general)
  })
  return form
}

/**
 * What the verification right after saving credentials found, said on the card: the account
 * (green), that it could not run (yellow), or why the provider refused them (red).
 */
function announceTypedIn(connector: ConnectorSummary, connection: Connection, okTitle: string): void {
  if (connection.status === 'error') {
    const refused = sentence(words.refusedCredentials(connector.name), connection.statusReason)
    tellCard(connection.id, 'error', refused)
    report(
      {
        type: 'error',
        code: 'credentials_refused',
        message: refused,
        connector: connector.key,
        connectionId: connection.id
      },
      false
    )
    return
  }
  if (connection.statusReason !== null)
    tellCard(
      connection.id,
      'warn',
      words.notVerifiedYet(okTitle, connection.statusReason.replace(/^Verification failed: /, ''))
    )
  else tellCard(connection.id, 'ok', sentence(okTitle, describeAccount(connector, connection.account)))
  report({ type: 'connected', connectionId: connection.id, connector: connector.key }, true)
}

/** `Title. Detail.` with the detail's own full stop, or just the title. */
function sentence(title: string, detail: string | null | undefined): string {
  if (detail === null || detail === undefined || detail === '') return `${title}.`
  return words.withDetail(title, `${detail}${/[.!?]$/.test(detail) ? '' : '.'}`)
}

async function replaceCredentials(
  connector: ConnectorSummary,
  scheme: Scheme,
  connectionId: string,
  form: HTMLFormElement,
  general: HTMLElement
): Promise<void> {
  const submit = form.querySelector<HTMLButtonElement>('button[type="submit"]')!
  submit.disabled = true
  clearFieldIssues(form, general)
  try {
    const body = readForm(connector, scheme, form)
    const connection = await api.request<Connection>('PUT', `../v1/connect/connections/${connectionId}/credentials`, {
      credentials: body.credentials
    })
    form.reset()
    openReplace.delete(connectionId)
    await load()
    announceTypedIn(connector, connection, words.newCredentialsSaved)
  } catch (error) {
    if (error instanceof ApiError) showFieldIssues(form, error, general)
    else announce(status, 'error', words.somethingWentWrong, (error as Error).message)
  } finally {
    submit.disabled = false
  }
}

/** The scheme a connection uses: its recorded key, or the connector's first. */
function schemeOf(connector: ConnectorSummary, connection: Connection): Scheme | undefined {
  return connector.schemes.find((s) => s.key === connection.scheme) ?? connector.schemes[0]
}

/** `team` → `Team`, `cloudId` → `Cloud id`: identity field names read as labels. */
/** A dropdown parameter's chosen option by its label (`Europe`), anything else as typed. */
function optionLabel(parameter: ParameterSummary, value: string): string {
  return parameter.options?.find((option) => option.value === value)?.label ?? value
}

function labelOf(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_.-]+/g, ' ')
    .toLowerCase()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/** The account identity fields in the order the connector declares them (stored JSON does not keep it). */
function identityEntries(connector: ConnectorSummary, account: Record<string, unknown> | null): [string, unknown][] {
  const order = connector.verification?.identity ?? []
  const rank = (key: string): number => (order.includes(key) ? order.indexOf(key) : order.length)
  return Object.entries(account ?? {}).sort(([a], [b]) => rank(a) - rank(b))
}

function describeAccount(connector: ConnectorSummary, account: Record<string, unknown> | null): string | undefined {
  const parts = identityEntries(connector, account)
    .filter(([, v]) => typeof v === 'string' || typeof v === 'number')
    .map(([k, v]) => words.withDetail(labelOf(k), String(v)))
  return parts.length === 0 ? undefined : parts.join(', ')
}

/** Runs the connector's verification request and says what it found. */
async function verify(connector: ConnectorSummary, connectionId: string, button: HTMLButtonElement): Promise<void> {
  button.disabled = true
  try {
    const answer = await api.request<VerifyAnswer>('POST', `../v1/connect/connections/${connectionId}/verify`)
    notices.set(
      connectionId,
      answer.ok
        ? { kind: 'ok', text: sentence(words.connectionWorks, describeAccount(connector, answer.account)) }
        : { kind: 'error', text: sentence(words.connectionDoesNotWork, answer.reason) }
    )
  } catch (error) {
    notices.set(connectionId, {
      kind: 'error',
      text: sentence(words.couldNotCheck, (error as Error).message)
    })
  } finally {
    button.disabled = false
  }
  await load()
  // Said on the card after it was drawn again with its new state.
  const notice = notices.get(connectionId)!
  tellCard(connectionId, notice.kind, notice.text)
}

async function showLog(connectionId: string, area: HTMLElement): Promise<void> {
  try {
    const { events } = await api.request<{ events: ConnectionEvent[] }>(
      'GET',
      `../v1/connect/connections/${connectionId}/events?limit=50`
    )
    area.replaceChildren(h('h3', {}, words.log), eventList(events, { codes: false }))
  } catch (error) {
    area.replaceChildren(h('p', { class: 'banner banner-error' }, (error as Error).message))
  }
}

function parameterControl(parameter: ParameterSummary): HTMLInputElement | HTMLSelectElement {
  if (parameter.type === 'dropdown') {
    return h(
      'select',
      { name: parameter.key },
      ...(parameter.required ? [] : [h('option', { value: '' }, '—')]),
      ...(parameter.options ?? []).map((o) =>
        h('option', { value: o.value, selected: o.value === parameter.default }, o.label)
      )
    )
  }
  return h('input', {
    type: parameter.type === 'password' ? 'password' : 'text',
    name: parameter.key,
    autocomplete: parameter.type === 'password' ? 'new-password' : 'off',
    inputmode: parameter.type === 'port' ? 'numeric' : undefined,
    placeholder: parameter.placeholder ?? parameter.example ?? undefined,
    value: parameter.default ?? undefined,
    spellcheck: 'false'
  })
}

/** Whether a scheme can be used now: a developer-owned OAuth client (or OAuth 1.0a consumer) needs the application's app first. */
function usable(connector: ConnectorSummary, scheme: Scheme): boolean {
  // A scheme that presents the app's client certificate (mutual TLS) waits for it to be set.
  if (scheme.clientCertificate === 'app' && !connector.clientCertificateSet) return false
  // A client that registers itself (RFC 7591) needs no app from the tenant.
  return (
    scheme.clientRegistration === 'dynamic' || !(scheme.clientOwnership === 'developer' && !connector.appConfigured)
  )
}

/** Beside a permission: the declared actions that need it, so the customer sees why it is asked for. */
function usedBy(connector: ConnectorSummary, scope: string): HTMLElement[] {
  const actions = connector.scopes.find((s) => s.name === scope)?.actions ?? []
  if (actions.length === 0) return []
  return [h('span', { class: 'used-by' }, words.usedBy(actions.map((a) => a.name).join(', ')))]
}

/** What the customer fills in for one scheme: scopes and their own client (OAuth), or the credentials (API key, basic). */
/** One field of the OAuth app the customer brings, in the provider's words when the definition gives them. */
function clientField(
  declared: NonNullable<Scheme['clientFields']>['clientId'] | undefined,
  fallbackLabel: string,
  name: 'clientId' | 'clientSecret',
  attributes: Record<string, string>
): HTMLElement {
  return field({
    label: declared?.label ?? fallbackLabel,
    path: `body.client.${name}`,
    control: h('input', { ...attributes, name, placeholder: declared?.example ?? undefined }),
    help: declared?.helpText,
    docsUrl: declared?.docsUrl,
    required: true
  })
}

function schemeFields(connector: ConnectorSummary, scheme: Scheme): HTMLElement {
  const id = `${connector.key}-${scheme.key}`
  const needed = overview?.actions[connector.key]?.scopes
  const scopePicker =
    scheme.customerSelectsScopes && scheme.scopes.length > 0
      ? h(
          'fieldset',
          { class: 'scopes-picker', 'data-path': 'body.scopes', 'aria-describedby': `scopes-${id}-error` },
          h('legend', {}, words.permissionsToGrant),
          ...scheme.scopes.map((s) =>
            h(
              'label',
              { class: 'check' },
              // Scopes the application's actions need are asked for whatever is ticked: shown ticked and fixed.
              h('input', {
                type: 'checkbox',
                name: 'scope',
                value: s.name,
                checked: needed === undefined ? scheme.defaultScopes.includes(s.name) : needed.includes(s.name),
                disabled: needed?.includes(s.name) === true,
                'data-fixed': needed?.includes(s.name) === true ? 'true' : undefined
              }),
              h(
                'span',
                {},
                h('code', {}, s.name),
                ' ',
                s.description,
                needed?.includes(s.name) === true ? h('span', { class: 'needed' }, words.neededMark) : null,
                ...usedBy(connector, s.name)
              )
            )
          ),
          h('p', { class: 'field-error', id: `scopes-${id}-error`, 'aria-live': 'polite' })
        )
      : null
  const clientFields =
    scheme.clientOwnership === 'customer'
      ? h(
          'fieldset',
          {},
          h('legend', {}, words.yourOAuthApp(connector.name)),
          scheme.redirect ? h('p', { class: 'help' }, words.registerRedirectUri(connector.name)) : null,
          scheme.redirect ? copyable(words.redirectUri, connector.redirectUri) : null,
          clientField(scheme.clientFields?.clientId, words.clientId, 'clientId', {
            type: 'text',
            autocomplete: 'off',
            spellcheck: 'false'
          }),
          clientField(scheme.clientFields?.clientSecret, words.clientSecret, 'clientSecret', {
            type: 'password',
            autocomplete: 'new-password'
          })
        )
      : null
  const credentialFields = scheme.inputs.map((input) =>
    field({
      label: input.label,
      path: `body.credentials.${input.key}`,
      control:
        input.type === 'textarea'
          ? h('textarea', { name: `credential-${input.key}`, rows: 6, spellcheck: 'false', autocomplete: 'off' })
          : h('input', {
              type: input.type,
              name: `credential-${input.key}`,
              autocomplete: input.type === 'password' ? 'new-password' : 'off',
              placeholder: input.example ?? undefined,
              spellcheck: 'false'
            }),
      help:
        [input.helpText, input.pattern === null ? null : input.patternMessage].filter((x) => x !== null).join(' ') ||
        null,
      docsUrl: input.docsUrl,
      required: input.required
    })
  )
  return h(
    'div',
    { class: 'stack scheme-fields', 'data-scheme': scheme.key },
    scopePicker,
    clientFields,
    ...credentialFields
  )
}

function newConnectionForm(connector: ConnectorSummary): HTMLFormElement {
  const general = h('div', { class: 'banner banner-error form-error', role: 'alert', hidden: true })
  const schemes = connector.schemes.filter((s) => usable(connector, s))
  const unavailable = schemes.length === 0
  const parameterFields = connector.parameters.map((p) => {
    const help =
      [p.helpText, p.pattern === null ? null : p.patternMessage].filter((x): x is string => x !== null).join(' ') ||
      null
    return field({
      label: p.label,
      path: `body.parameters.${p.key}`,
      control: parameterControl(p),
      help,
      docsUrl: p.docsUrl,
      required: p.required
    })
  })
  const perScheme = schemes.map((scheme, index) => {
    const fields = schemeFields(connector, scheme)
    fields.hidden = index !== 0
    return fields
  })
  const submit = h('button', { type: 'submit', disabled: unavailable }, words.connectConnector(connector.name))
  /** Shows the chosen scheme's fields (hidden ones are disabled, so they are not sent) and names the button after the step it starts. */
  const choose = (key: string): void => {
    for (const fields of perScheme) {
      fields.hidden = fields.dataset.scheme !== key
      for (const control of fields.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea'))
        control.disabled = fields.hidden || control.dataset.fixed === 'true'
    }
    const scheme = schemes.find((s) => s.key === key)
    submit.textContent = scheme?.redirect === true ? words.connectConnector(connector.name) : words.saveAndConnect
  }
  const picker =
    schemes.length > 1
      ? h(
          'fieldset',
          { class: 'scheme-picker', 'data-path': 'body.scheme', 'aria-describedby': `scheme-${connector.key}-error` },
          h('legend', {}, words.howToConnect),
          ...schemes.map((scheme, index) =>
            h(
              'label',
              { class: 'check' },
              h('input', {
                type: 'radio',
                name: 'scheme',
                value: scheme.key,
                checked: index === 0,
                onchange: () => choose(scheme.key)
              }),
              h('span', {}, scheme.label)
            )
          ),
          h('p', { class: 'field-error', id: `scheme-${connector.key}-error`, 'aria-live': 'polite' })
        )
      : null
  const label = field({
    label: words.connectionName,
    path: 'body.label',
    control: h('input', { type: 'text', name: 'label', autocomplete: 'off', placeholder: connector.name }),
    help: words.connectionNameHelp
  })
  const form: HTMLFormElement = h(
    'form',
    { class: 'stack', novalidate: true, 'data-connector-form': connector.key },
    unavailable ? h('p', { class: 'banner banner-info' }, words.notAvailable(connector.name)) : null,
    ...parameterFields,
    picker,
    ...perScheme,
    label,
    general,
    h('div', { class: 'actions' }, submit)
  )
  if (schemes[0] !== undefined) choose(schemes[0].key)
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    const key = new FormData(form).get('scheme')
    const scheme = schemes.find((s) => s.key === key) ?? schemes[0]
    if (scheme !== undefined) void connectNew(connector, scheme, form, general)
  })
  form.addEventListener('reset', () => setTimeout(() => schemes[0] !== undefined && choose(schemes[0].key)))
  return form
}

function readForm(connector: ConnectorSummary, scheme: Scheme, form: HTMLFormElement): Record<string, unknown> {
  const data = new FormData(form)
  const parameters: Record<string, string> = {}
  for (const p of connector.parameters) {
    const value = String(data.get(p.key) ?? '')
    if (value !== '') parameters[p.key] = value
  }
  const body: Record<string, unknown> = { connector: connector.key, parameters }
  if (connector.schemes.length > 1) body.scheme = scheme.key
  if (scheme.customerSelectsScopes && scheme.scopes.length > 0) body.scopes = data.getAll('scope').map(String)
  if (scheme.clientOwnership === 'customer')
    body.client = { clientId: String(data.get('clientId') ?? ''), clientSecret: String(data.get('clientSecret') ?? '') }
  if (scheme.inputs.length > 0) {
    const credentials: Record<string, string> = {}
    for (const input of scheme.inputs) {
      const value = String(data.get(`credential-${input.key}`) ?? '')
      if (value !== '') credentials[input.key] = value
    }
    body.credentials = credentials
  }
  const label = String(data.get('label') ?? '').trim()
  if (label !== '') body.label = label
  return body
}

/** Opens the popup now, inside the click, so popup blockers allow it; `null` means blocked. */
function openPopup(): Window | null {
  const opened = window.open('about:blank', 'latchkey-connect', 'popup,width=620,height=760')
  if (opened !== null) opened.document.title = words.connectingTitle
  return opened
}

async function connectNew(
  connector: ConnectorSummary,
  scheme: Scheme,
  form: HTMLFormElement,
  general: HTMLElement
): Promise<void> {
  const body = readForm(connector, scheme, form)
  // What the page can tell at once is said before any window opens (no blank popup for a typo).
  const early = parameterIssues(connector, (body.parameters ?? {}) as Record<string, unknown>)
  if (early.length > 0) {
    showFieldIssues(form, new ApiError(400, 'invalid_request', words.fieldsNeedChange, early), general)
    return
  }
  // Only a browser step needs the popup; it must open inside the click.
  const opened = scheme.redirect ? openPopup() : null
  const submit = form.querySelector<HTMLButtonElement>('button[type="submit"]')!
  submit.disabled = true
  clearFieldIssues(form, general)
  try {
    const connection = await api.request<Connection>('POST', '../v1/connect/connections', body)
    form.reset()
    overview?.connections.push(connection)
    render()
    if (!scheme.redirect) {
      // Credentials typed in (or a client credentials grant): connected now, checked by the verification request when there is one.
      announceTypedIn(connector, connection, words.connected(connector.name))
      return
    }
    await startAuthorization(connector, connection.id, opened)
  } catch (error) {
    opened?.close()
    if (error instanceof ApiError) showFieldIssues(form, error, general)
    else announce(status, 'error', words.somethingWentWrong, (error as Error).message)
  } finally {
    submit.disabled = false
  }
}

/** The declared parameters' own checks (required, pattern), as the API makes them, in the API's words. */
function parameterIssues(connector: ConnectorSummary, values: Record<string, unknown>): FieldIssue[] {
  const issues: FieldIssue[] = []
  for (const parameter of connector.parameters) {
    const value = values[parameter.key]
    const path = `body.parameters.${parameter.key}`
    if (typeof value !== 'string' || value === '') {
      if (parameter.required) issues.push({ path, message: words.fieldRequired(parameter.label) })
      continue
    }
    if (parameter.pattern === null) continue
    let pattern: RegExp
    try {
      pattern = new RegExp(`^(?:${parameter.pattern})$`, 'u')
    } catch {
      continue // The API decides what this browser cannot compile.
    }
    if (!pattern.test(value))
      issues.push({ path, message: parameter.patternMessage ?? words.fieldNotValid(parameter.label) })
  }
  return issues
}

async function reconnect(connector: ConnectorSummary, connectionId: string): Promise<void> {
  const opened = openPopup()
  try {
    await startAuthorization(connector, connectionId, opened)
  } catch (error) {
    opened?.close()
    announce(status, 'error', words.couldNotStart, (error as Error).message)
  }
}

/** Sends the browser to the provider: in the popup, or (blocked) by a full-page redirect that comes back here. */
async function startAuthorization(
  connector: ConnectorSummary,
  connectionId: string,
  opened: Window | null
): Promise<void> {
  const { authorizeUrl } = await api.request<{ authorizeUrl: string }>(
    'POST',
    `../v1/connect/connections/${connectionId}/authorize`,
    { returnToWizard: opened === null }
  )
  if (opened === null && host?.mode === 'modal') {
    // Inside a frame a full-page trip would leave the application's page (and most providers refuse to be framed).
    tellCard(connectionId, 'error', words.popupBlocked(connector.name))
    return
  }
  if (opened === null) {
    announce(status, 'info', words.takingYouTo(connector.name))
    location.assign(authorizeUrl)
    return
  }
  popup = { window: opened, connectionId, connectorName: connector.name }
  opened.location.href = authorizeUrl
  status.replaceChildren()
  tellCard(connectionId, 'info', words.waitingFor(connector.name))
  watchPopup()
}

/** Notices a popup closed before it answered, at once rather than at the next poll. */
function watchPopup(): void {
  const timer = setInterval(() => {
    if (popup === null) return clearInterval(timer)
    if (!popup.window.closed) return
    const { connectionId, connectorName } = popup
    popup = null
    clearInterval(timer)
    tellCard(connectionId, 'error', words.popupClosedEarly(connectorName))
    void load()
  }, 400)
}

async function remove(connector: ConnectorSummary, connection: Connection): Promise<void> {
  const title = connection.label ?? connector.name
  try {
    await api.request('DELETE', `../v1/connect/connections/${connection.id}`)
  } catch (error) {
    tellCard(connection.id, 'error', words.couldNotRemove((error as Error).message))
    return
  }
  notices.delete(connection.id)
  await load()
  announce(status, 'info', words.removedCard(title))
  list
    .querySelector<HTMLElement>(`section[data-connector="${CSS.escape(connector.key)}"] h2`)
    ?.setAttribute('tabindex', '-1')
  list.querySelector<HTMLElement>(`section[data-connector="${CSS.escape(connector.key)}"] h2`)?.focus()
}

async function disconnect(connector: ConnectorSummary, connectionId: string): Promise<void> {
  try {
    await api.request('POST', `../v1/connect/connections/${connectionId}/disconnect`)
    notices.set(connectionId, {
      kind: 'info',
      text: words.disconnected(connector.name)
    })
  } catch (error) {
    notices.set(connectionId, { kind: 'error', text: words.couldNotDisconnect((error as Error).message) })
  }
  await load()
  tellCard(connectionId, notices.get(connectionId)!.kind, notices.get(connectionId)!.text)
}

/**
 * The session's language for every word from now on, the page's own included: its `lang`
 * (screen readers, hyphenation), title, heading, skip link and Done button.
 */
function speakIn(locale: string): void {
  words = stringsFor(locale)
  speak(words)
  document.documentElement.lang = words.lang
  document.title = words.heading
  document.querySelector('main h1')!.textContent = words.heading
  document.querySelector('a.skip')!.textContent = words.skipToContent
  doneButton.textContent = words.done
}

function start(): void {
  const fragment = readFragment()
  if (fragment.session !== undefined) tabStorage.set(SESSION_KEY, fragment.session)
  const token = tabStorage.get(SESSION_KEY)
  if (token === null) {
    list.setAttribute('aria-busy', 'false')
    list.replaceChildren(h('p', { class: 'banner banner-error' }, words.noLink))
    return
  }
  api = new ApiClient(location.href, token)
  embedRequest = readEmbedRequest(fragment.params)
  if (fragment.outcome !== undefined) showOutcome(fragment.outcome)
  // Only the outcome page, which is on this origin; the embedding page never talks to the wizard.
  window.addEventListener('message', (event: MessageEvent) => {
    const data = event.data as Partial<ConnectOutcome> | null
    if (event.origin !== location.origin || data?.type !== 'latchkey:connect') return
    showOutcome(data as ConnectOutcome)
    popup = null
    void load().then(() => {
      if (data.connectionId !== undefined && notices.has(data.connectionId)) {
        const notice = notices.get(data.connectionId)!
        tellCard(data.connectionId, notice.kind, notice.text)
      }
      reportOutcome(data as ConnectOutcome)
    })
  })
  setInterval(() => {
    if (document.visibilityState === 'visible' && popup === null) void load()
  }, POLL_MS)
  // Back on this tab (an app configured meanwhile, a connection changed elsewhere): look again at once.
  window.addEventListener('focus', () => {
    if (popup === null) void load()
  })
  void load().then(() => {
    if (fragment.outcome !== undefined) reportOutcome(fragment.outcome)
  })
}

start()
