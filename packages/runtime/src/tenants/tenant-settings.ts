import { checkIcon } from '@latchkey/connector-sdk'
import type { Issue } from '@latchkey/connector-sdk'
import type { SettingsRecord, Store } from '@latchkey/store'
import { invalidRequest, notFound } from '../errors.js'

/** Languages the wizard speaks; the first is the default. */
export const WIZARD_LOCALES = ['en', 'fr'] as const
export type WizardLocale = (typeof WIZARD_LOCALES)[number]

/** How large an uploaded logo may be. */
export const LOGO_MAX_BYTES = 256 * 1024
const MAX_ORIGINS = 20
/** White text on the accent colour (the wizard's buttons) must read: WCAG AA for normal text. */
const MIN_CONTRAST = 4.5

/** A tenant's branding and embedding settings, as the API shows them. */
export interface SettingsView {
  /** What end customers see instead of the tenant's name; `null`: the tenant's name. */
  displayName: string | null
  accentColor: string | null
  embedOrigins: string[]
  redirectUrls: string[]
  /** The logo's URL on this deployment (versioned by its content), `null` without one. */
  logoUrl: string | null
  updatedAt: string | null
}

/** What the wizard shows of the tenant. */
export interface Branding {
  name: string
  accentColor: string | null
  logoUrl: string | null
}

/** The settings as written by `PUT /v1/settings`: every field, absent ones cleared. */
export interface SettingsInput {
  displayName?: string | null | undefined
  accentColor?: string | null | undefined
  embedOrigins?: readonly string[] | undefined
  redirectUrls?: readonly string[] | undefined
}

/** WCAG relative luminance of `#rrggbb`. */
function luminance(hex: string): number {
  const channel = (i: number): number => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2)
}

/** The contrast ratio of white text on `#rrggbb`. */
export function contrastWithWhite(hex: string): number {
  return 1.05 / (luminance(hex) + 0.05)
}

/** Plain http is for a developer's own machine only. */
function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname)
}

function parseWebUrl(text: string): URL | string {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return 'is not an absolute URL'
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname)))
    return 'must use https (plain http only on localhost)'
  if (url.username !== '' || url.password !== '') return 'must not carry a user name or password'
  return url
}

/** `https://app.example.com` exactly: an origin, nothing after it. */
function checkOrigin(text: string, path: string, issues: Issue[]): string | undefined {
  const url = parseWebUrl(text)
  if (typeof url === 'string') return void issues.push({ path, message: `${text} ${url}` })
  if (url.origin !== text.replace(/\/$/, '') || url.pathname !== '/' || url.search !== '' || url.hash !== '')
    return void issues.push({
      path,
      message: `${text} is not an origin: give scheme, host and port only (${url.origin})`
    })
  return url.origin
}

function checkRedirectUrl(text: string, path: string, issues: Issue[]): string | undefined {
  const url = parseWebUrl(text)
  if (typeof url === 'string') return void issues.push({ path, message: `${text} ${url}` })
  if (url.hash !== '') return void issues.push({ path, message: `${text} must not have a fragment (#…)` })
  return url.href
}

/**
 * Whether `candidate` is one of the tenant's redirect pages: the same origin and path as an
 * allowed URL (its query is the builder's to choose). Anything else would be an open redirect.
 */
export function isAllowedRedirect(candidate: string, allowed: readonly string[]): boolean {
  const url = parseWebUrl(candidate)
  if (typeof url === 'string' || url.hash !== '') return false
  return allowed.some((entry) => {
    const allowedUrl = new URL(entry)
    return allowedUrl.origin === url.origin && allowedUrl.pathname === url.pathname
  })
}

/** The image types a logo may be, told by its first bytes (never by what the upload claims). */
function sniffLogo(bytes: Buffer): string | undefined {
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png'
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg'
  if (bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP')
    return 'image/webp'
  const head = bytes.subarray(0, 512).toString('utf8').trimStart()
  if (head.startsWith('<svg') || head.startsWith('<?xml')) return 'image/svg+xml'
  return undefined
}

/**
 * A tenant's branding (the name, accent colour and logo end customers see in the wizard) and
 * where the wizard may live: the origins allowed to frame it or open it as a popup, and the
 * pages connect sessions may send the customer back to.
 */
export class TenantSettingsService {
  constructor(
    private readonly store: Store,
    private readonly publicUrl: string
  ) {}

  async get(tenantId: string): Promise<SettingsView> {
    return this.view(tenantId, await this.store.settings.get(tenantId))
  }

  /**
   * Replaces the settings (the logo has its own route).
   * @throws {RuntimeError} `invalid_request` naming every field that is wrong.
   */
  async update(tenantId: string, input: SettingsInput): Promise<SettingsView> {
    const issues: Issue[] = []
    const displayName = input.displayName?.trim() || null
    if (displayName !== null && displayName.length > 100)
      issues.push({ path: 'body.displayName', message: 'The display name is longer than 100 characters.' })
    const accentColor = input.accentColor?.toLowerCase() ?? null
    if (accentColor !== null) {
      if (!/^#[0-9a-f]{6}$/.test(accentColor))
        issues.push({ path: 'body.accentColor', message: `${accentColor} is not a colour like #0b5cad.` })
      else if (contrastWithWhite(accentColor) < MIN_CONTRAST)
        issues.push({
          path: 'body.accentColor',
          message: `${accentColor} is too light for the white text on buttons (contrast ${(Math.floor(contrastWithWhite(accentColor) * 10) / 10).toFixed(1)}:1, needs ${MIN_CONTRAST}:1); choose a darker shade.`
        })
    }
    const list = (values: readonly string[] | undefined, field: string, check: typeof checkOrigin): string[] => {
      if ((values?.length ?? 0) > MAX_ORIGINS)
        issues.push({ path: `body.${field}`, message: `At most ${MAX_ORIGINS} entries are allowed.` })
      const checked = (values ?? []).map((value, i) => check(value.trim(), `body.${field}[${i}]`, issues))
      return [...new Set(checked.filter((value): value is string => value !== undefined))]
    }
    const embedOrigins = list(input.embedOrigins, 'embedOrigins', checkOrigin)
    const redirectUrls = list(input.redirectUrls, 'redirectUrls', checkRedirectUrl)
    if (issues.length > 0)
      throw invalidRequest(`the settings have ${issues.length} ${issues.length === 1 ? 'problem' : 'problems'}`, issues)
    return this.view(
      tenantId,
      await this.store.settings.put(tenantId, { displayName, accentColor, embedOrigins, redirectUrls })
    )
  }

  /**
   * Stores an uploaded logo, its type told by its bytes: PNG, JPEG, WebP, or an SVG that
   * stands alone (no script, no outside resource).
   * @throws {RuntimeError} `invalid_request` (`body`) for anything else or a file over 256 KiB.
   */
  async setLogo(tenantId: string, bytes: Buffer): Promise<SettingsView> {
    const fail = (message: string): never => {
      throw invalidRequest('the logo was not accepted', [{ path: 'body', message }])
    }
    if (bytes.length === 0) fail('The logo is empty.')
    if (bytes.length > LOGO_MAX_BYTES) fail(`The logo is larger than ${LOGO_MAX_BYTES / 1024} KiB.`)
    const type = sniffLogo(bytes) ?? fail('The logo must be a PNG, JPEG, WebP or SVG image.')
    if (type === 'image/svg+xml') {
      const problem = checkIcon(bytes.toString('utf8'))
      if (problem !== undefined) fail(`The SVG logo cannot be shown: ${problem}.`)
    }
    return this.view(tenantId, await this.store.settings.setLogo(tenantId, { bytes, type }))
  }

  async removeLogo(tenantId: string): Promise<SettingsView> {
    return this.view(tenantId, await this.store.settings.setLogo(tenantId, null))
  }

  /** The logo's bytes for `GET /branding/<tenant>/logo`. @throws {RuntimeError} `not_found` */
  async logo(tenantId: string): Promise<{ bytes: Buffer; type: string; hash: string }> {
    return (
      (await this.store.settings.logo(tenantId)) ??
      (() => {
        throw notFound('logo')
      })()
    )
  }

  /** What the wizard shows of the tenant: its display name (or its name), colour and logo. */
  async branding(tenantId: string): Promise<Branding & { embedOrigins: string[]; redirectUrls: string[] }> {
    const [tenant, settings] = await Promise.all([this.store.tenants.get(tenantId), this.store.settings.get(tenantId)])
    return {
      name: settings?.display_name ?? tenant?.name ?? '',
      accentColor: settings?.accent_color ?? null,
      logoUrl: this.logoUrl(tenantId, settings),
      embedOrigins: settings?.embed_origins ?? [],
      redirectUrls: settings?.redirect_urls ?? []
    }
  }

  private logoUrl(tenantId: string, settings: SettingsRecord | undefined): string | null {
    if (settings?.logo_hash == null) return null
    return `${this.publicUrl.replace(/\/+$/, '')}/branding/${tenantId}/logo?v=${settings.logo_hash.slice(0, 16)}`
  }

  private view(tenantId: string, settings: SettingsRecord | undefined): SettingsView {
    return {
      displayName: settings?.display_name ?? null,
      accentColor: settings?.accent_color ?? null,
      embedOrigins: settings?.embed_origins ?? [],
      redirectUrls: settings?.redirect_urls ?? [],
      logoUrl: this.logoUrl(tenantId, settings),
      updatedAt: settings?.updated_at.toISOString() ?? null
    }
  }
}
