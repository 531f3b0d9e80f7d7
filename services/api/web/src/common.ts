import type { ConnectionView as Connection, ConnectorSummary, EventView as ConnectionEvent } from '@latchkey/runtime'

// Shared by the connect wizard and the builder console: DOM building (text only, never
// HTML strings), the API client, and how a connection's state reads at a glance.

/**
 * The shared helpers' words, English here. The connect wizard hands its session's language
 * to `speak` (see wizard-strings.ts); the builder console stays in English.
 */
export const sharedEnglish = {
  /** The language for dates and relative times; `undefined` is the browser's own. */
  language: undefined as string | undefined,
  unreachable: 'Latchkey could not be reached. Check your connection and try again.',
  requestFailed: (status: number) => `the request failed (${status})`,
  stateDisconnected: 'Disconnected',
  stateNeedsReconnection: (reason: string | null) =>
    reason === null ? 'Needs reconnection' : `Needs reconnection: ${reason}`,
  stateNotConnectedYet: 'Not connected yet',
  stateNotVerifiedYet: (reason: string) => `Not verified yet: ${reason}`,
  stateWorking: 'Working',
  stateConnectedNotUsed: 'Connected, not used yet',
  /** When a time has not happened yet ("Last used: never"). */
  never: 'never',
  noEvents: 'No events yet.',
  /** The hover text of a required field's star. */
  required: 'required',
  whereToFind: (label: string) => `Where to find your ${label.toLowerCase()}`,
  copy: 'Copy',
  copied: 'Copied',
  selectAndCopy: 'Select and copy'
}

export type SharedWords = typeof sharedEnglish

let words: SharedWords = sharedEnglish
let relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' })

/** The language the shared helpers speak from now on (the wizard's session's). */
export function speak(next: SharedWords): void {
  words = next
  relative = new Intl.RelativeTimeFormat(next.language, { numeric: 'auto' })
}

type Child = Node | string | null | undefined | false
type Attributes = Record<string, string | boolean | number | undefined | ((event: Event) => void)>

/** Builds an element; `on…` attributes become listeners, `true` booleans bare attributes; children are text or nodes. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag)
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue
    if (typeof value === 'function') element.addEventListener(name.slice(2).toLowerCase(), value)
    else if (value === true) element.setAttribute(name, '')
    else element.setAttribute(name, String(value))
  }
  for (const child of children) if (child !== null && child !== undefined && child !== false) element.append(child)
  return element
}

/** One field problem as the API reports it: `{ path: "body.parameters.subdomain", message }`. */
export interface FieldIssue {
  path: string
  message: string
}

/** An API error answer, readable. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: FieldIssue[]
  ) {
    super(message)
  }
}

/** Calls the Latchkey API relative to the page (works under a path prefix) with one bearer credential. */
export class ApiClient {
  constructor(
    private readonly base: string,
    private readonly credential: string
  ) {}

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.credential}` }
    if (body !== undefined) headers['content-type'] = 'application/json'
    let response: Response
    try {
      response = await fetch(new URL(path, this.base), {
        method,
        headers,
        body: body === undefined ? null : JSON.stringify(body),
        credentials: 'same-origin'
      })
    } catch {
      throw new ApiError(0, 'network', words.unreachable, [])
    }
    if (response.status === 204) return undefined as T
    const answer: unknown = await response.json().catch(() => undefined)
    if (!response.ok) {
      const error = (answer as { error?: { code?: string; message?: string; details?: unknown } } | undefined)?.error
      const issues = Array.isArray(error?.details)
        ? (error.details as FieldIssue[]).filter((d) => typeof d?.path === 'string' && typeof d?.message === 'string')
        : []
      throw new ApiError(
        response.status,
        error?.code ?? 'error',
        error?.message ?? words.requestFailed(response.status),
        issues
      )
    }
    return answer as T
  }
}

// The API's own types (type-only: erased from the compiled scripts), so the pages cannot drift from the API.
export type { ConnectorSummary, ConnectionView as Connection, EventView as ConnectionEvent } from '@latchkey/runtime'
export type ParameterSummary = ConnectorSummary['parameters'][number]

/** How a connection's state reads: a colour and words. Grey for connections that are off. */
export function stateOf(connection: Connection): { colour: 'green' | 'yellow' | 'red' | 'grey'; words: string } {
  if (connection.status === 'disconnected') return { colour: 'grey', words: words.stateDisconnected }
  if (connection.status === 'error')
    return { colour: 'red', words: words.stateNeedsReconnection(connection.statusReason) }
  if (connection.status === 'configured') return { colour: 'yellow', words: words.stateNotConnectedYet }
  // Connected, but the verification request could not run (the provider was unreachable, say):
  // the runtime's lifecycle words that reason "Verification failed: …" (a failed reconnect keeps its own).
  const unverified = /^Verification failed: (.*)$/s.exec(connection.statusReason ?? '')
  if (unverified !== null) return { colour: 'yellow', words: words.stateNotVerifiedYet(unverified[1] ?? '') }
  if (connection.health === 'green') return { colour: 'green', words: words.stateWorking }
  return { colour: 'yellow', words: words.stateConnectedNotUsed }
}

/** The coloured dot and its words; the words carry the meaning (screen readers, colour blindness). */
export function stateBadge(connection: Connection): HTMLElement {
  const state = stateOf(connection)
  return h(
    'span',
    { class: `state state-${state.colour}`, 'data-state': state.colour },
    h('span', { class: 'dot', 'aria-hidden': 'true' }),
    h('span', { class: 'state-words' }, state.words)
  )
}

/** "3 minutes ago", with the exact time on hover and for assistive technology. */
export function timeAgo(iso: string | null, never = words.never): HTMLElement {
  if (iso === null) return h('span', {}, never)
  const seconds = Math.round((Date.parse(iso) - Date.now()) / 1000)
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['day', 86_400],
    ['hour', 3600],
    ['minute', 60],
    ['second', 1]
  ]
  const [unit, size] = units.find(([, s]) => Math.abs(seconds) >= s) ?? ['second', 1]
  return h(
    'time',
    { datetime: iso, title: new Date(iso).toLocaleString(words.language) },
    relative.format(Math.round(seconds / size), unit)
  )
}

/**
 * A connection's log, newest first. `codes` shows each event's kind beside its sentence
 * (the builder's console); end customers read the sentences only.
 */
export function eventList(events: ConnectionEvent[], { codes = true }: { codes?: boolean } = {}): HTMLElement {
  if (events.length === 0) return h('p', { class: 'muted' }, words.noEvents)
  return h(
    'ol',
    { class: 'log' },
    ...events.map((e) =>
      h(
        'li',
        { class: `log-${e.level}` },
        h('time', { datetime: e.at }, new Date(e.at).toLocaleString(words.language)),
        ' ',
        codes ? h('span', { class: 'log-kind' }, e.kind) : null,
        codes ? ' ' : null,
        e.message
      )
    )
  )
}

/** Shows a message in a live region, so screen readers announce it. */
export function announce(region: HTMLElement, kind: 'ok' | 'error' | 'info', title: string, detail?: string): void {
  region.replaceChildren(
    h(
      'div',
      { class: `banner banner-${kind}` },
      h('strong', {}, title),
      detail === undefined ? null : h('p', {}, detail)
    )
  )
}

/** Puts each API field issue beside its field (`data-path`), the rest in the form's own error area. */
export function showFieldIssues(form: HTMLElement, error: ApiError, general: HTMLElement): void {
  clearFieldIssues(form, general)
  const unplaced: string[] = []
  for (const issue of error.issues) {
    // `body.scopes[2]` belongs to the field of `body.scopes`.
    const field =
      form.querySelector<HTMLElement>(`[data-path="${CSS.escape(issue.path)}"]`) ??
      form.querySelector<HTMLElement>(`[data-path="${CSS.escape(issue.path.replace(/\[\d+\]$/, ''))}"]`)
    const slot =
      field === null
        ? null
        : form.querySelector<HTMLElement>(`#${CSS.escape(field.getAttribute('aria-describedby')?.split(' ')[0] ?? '')}`)
    if (field === null || slot === null) {
      unplaced.push(`${issue.path.replace(/^body\./, '')}: ${issue.message}`)
      continue
    }
    field.setAttribute('aria-invalid', 'true')
    slot.textContent = issue.message
  }
  general.replaceChildren(h('strong', {}, error.message), ...unplaced.map((line) => h('p', {}, line)))
  general.hidden = false
  form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
}

export function clearFieldIssues(form: HTMLElement, general: HTMLElement): void {
  for (const field of form.querySelectorAll('[aria-invalid="true"]')) field.removeAttribute('aria-invalid')
  for (const slot of form.querySelectorAll('.field-error')) slot.textContent = ''
  general.replaceChildren()
  general.hidden = true
}

let fieldCounter = 0

/** A labelled field with its help text and an error slot wired by `aria-describedby`. */
export function field(options: {
  label: string
  path: string
  control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement
  help?: string | null
  /** The provider's page about the value, linked under the field. */
  docsUrl?: string | null
  required?: boolean
}): HTMLElement {
  const id = `f${++fieldCounter}`
  const errorId = `${id}-error`
  const helpId = `${id}-help`
  options.control.id = id
  options.control.setAttribute('data-path', options.path)
  options.control.setAttribute('aria-describedby', options.help ? `${errorId} ${helpId}` : errorId)
  if (options.required === true) options.control.setAttribute('aria-required', 'true')
  return h(
    'div',
    { class: 'field' },
    h(
      'label',
      { for: id },
      options.label,
      options.required === true ? h('span', { class: 'required', title: words.required }, ' *') : null
    ),
    options.control,
    options.help ? h('p', { class: 'help', id: helpId }, options.help) : null,
    options.docsUrl
      ? h(
          'p',
          { class: 'help docs-link' },
          h(
            'a',
            { href: options.docsUrl, target: '_blank', rel: 'noopener noreferrer' },
            words.whereToFind(options.label)
          )
        )
      : null,
    h('p', { class: 'field-error', id: errorId, 'aria-live': 'polite' })
  )
}

/** A read-only value with a Copy button (the redirect URI to register). */
export function copyable(label: string, value: string): HTMLElement {
  const input = h('input', { type: 'text', readonly: true, value, class: 'copy-value' })
  const button = h(
    'button',
    {
      type: 'button',
      class: 'secondary',
      onclick: () => {
        input.select()
        void navigator.clipboard?.writeText(value).then(
          () => (button.textContent = words.copied),
          () => (button.textContent = words.selectAndCopy)
        )
      }
    },
    words.copy
  )
  return h('div', { class: 'field' }, h('label', {}, label, input), button)
}

/** Values kept while the page lives, when the browser gives no storage (a third-party frame). */
const memory = new Map<string, string>()

/**
 * This tab's sessionStorage, or (where the browser denies it, as Chromium does in a frame
 * on another site's page) the page's own memory: the page still works, a reload forgets.
 */
export const tabStorage = {
  get(key: string): string | null {
    try {
      return sessionStorage.getItem(key)
    } catch {
      return memory.get(key) ?? null
    }
  },
  set(key: string, value: string): void {
    try {
      sessionStorage.setItem(key, value)
    } catch {
      memory.set(key, value)
    }
  },
  remove(key: string): void {
    try {
      sessionStorage.removeItem(key)
    } catch {
      memory.delete(key)
    }
  }
}
