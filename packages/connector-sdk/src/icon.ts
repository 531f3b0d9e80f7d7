/**
 * Connector icons: an SVG a connector ships in its definition (`icon`), or a monogram drawn
 * from its name when it ships none. Icons are shown as images by the wizard and the console,
 * so an icon must stand alone: no script, no event handler, nothing fetched from elsewhere.
 */

/** The largest icon a definition may carry, in bytes of UTF-8. */
export const ICON_MAX_BYTES = 16 * 1024

/** Dark backgrounds white text reads on at 4.5:1 or better; a connector's key picks one. */
const PALETTE = ['#1f5fbf', '#8a3ab9', '#b3261e', '#0b7a4b', '#a14f00', '#2d5f73', '#5b4bc4', '#7a3f2a', '#00695c']

/**
 * What is wrong with an SVG icon, as a sentence, or `undefined` when it can be shown.
 * Checked: an `<svg>` root with the SVG namespace, the size, and nothing active or
 * external (scripts, event handlers, `foreignObject`, links to anything but the icon itself).
 */
export function checkIcon(svg: string): string | undefined {
  if (new TextEncoder().encode(svg).length > ICON_MAX_BYTES)
    return `is larger than ${ICON_MAX_BYTES / 1024} KiB; an icon should be a small SVG`
  if (/<!DOCTYPE|<!ENTITY/iu.test(svg)) return 'must not carry a DOCTYPE or entities'
  const start = svg.replace(/^\s*(<\?xml[^>]*\?>\s*)?/u, '')
  if (!/^<svg[\s>]/u.test(start)) return 'must be an SVG document starting with <svg'
  if (!/xmlns\s*=\s*["']http:\/\/www\.w3\.org\/2000\/svg["']/u.test(start))
    return 'must declare xmlns="http://www.w3.org/2000/svg" (browsers show no image without it)'
  if (!/<\/svg>\s*$/u.test(start)) return 'must end with </svg>'
  if (/<script[\s>/]/iu.test(start)) return 'must not contain a <script>'
  if (/<foreignObject[\s>/]/iu.test(start)) return 'must not contain a <foreignObject>'
  if (/\son[a-z]+\s*=/iu.test(start)) return 'must not contain event handlers (on… attributes)'
  const link = /\s(?:xlink:)?href\s*=\s*["']\s*([^"']*)["']/iu.exec(start)
  if (link !== null && !link[1]!.startsWith('#'))
    return `must not link to anything outside itself (found href="${link[1]!.slice(0, 60)}")`
  if (/url\(\s*["']?\s*(?!#)[^)\s]/iu.test(start)) return 'must not load anything with url(…) other than its own #ids'
  if (/@import/iu.test(start)) return 'must not @import styles'
  return undefined
}

/** Up to two letters standing for a name: the first letters of two words, or of one word. */
export function monogramOf(name: string): string {
  const words = name
    .replace(/[^\p{L}\p{N} ]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean)
  const letters = words.length > 1 ? `${words[0]![0]}${words[1]![0]}` : [...(words[0] ?? '?')].slice(0, 2).join('')
  return letters.toUpperCase()
}

/** Options of {@link monogramIcon}. */
export interface MonogramOptions {
  /** The letters; the name's monogram when absent. */
  readonly text?: string
  /** A background colour (`#rrggbb`) white text reads on; one picked from the key when absent. */
  readonly background?: string
  /** The key whose hash picks the background when none is given. */
  readonly key?: string
}

/** A rounded square with a connector's initials: the icon of a connector that ships none. */
export function monogramIcon(name: string, options: MonogramOptions = {}): string {
  const text = escapeXml(options.text ?? monogramOf(name))
  const background = options.background ?? PALETTE[hash(options.key ?? name) % PALETTE.length]!
  if (!/^#[0-9a-f]{6}$/iu.test(background)) throw new TypeError('background must be a colour such as "#1f5fbf"')
  const size = [...text].length > 1 ? 26 : 32
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" role="img" aria-label="${escapeXml(name)}">` +
    `<rect width="64" height="64" rx="14" fill="${background}"/>` +
    `<text x="32" y="32" dy="0.35em" text-anchor="middle" fill="#ffffff" font-family="system-ui,sans-serif" ` +
    `font-size="${size}" font-weight="700">${text}</text></svg>`
  )
}

/** The icon a connector is shown with: the one it ships, else its monogram. */
export function connectorIcon(definition: {
  readonly key: string
  readonly name: string
  readonly icon?: string
}): string {
  return definition.icon ?? monogramIcon(definition.name, { key: definition.key })
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/gu, (c) => `&#${c.charCodeAt(0)};`)
}

/** FNV-1a: stable across processes and releases, so a connector keeps its colour. */
function hash(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h
}
