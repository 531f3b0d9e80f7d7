import t from 'tap'
import {
  ICON_MAX_BYTES,
  checkIcon,
  connectorIcon,
  monogramIcon,
  monogramOf,
  validateConnectorDefinition
} from '../src/index.js'
import { validDefinition } from './helpers.js'

const SVG = 'xmlns="http://www.w3.org/2000/svg"'

t.test(
  'a connector with a safe SVG icon validates; each unsafe one is refused at `icon` with its reason',
  async (t) => {
    const ok = validateConnectorDefinition({
      ...validDefinition(),
      icon: `<svg ${SVG} viewBox="0 0 8 8"><circle r="4"/></svg>`
    })
    t.ok(ok.ok, JSON.stringify(ok.issues))
    const cases: [string, RegExp][] = [
      ['<png/>', /must be an SVG document/],
      ['<svg viewBox="0 0 8 8"></svg>', /xmlns/],
      [`<svg ${SVG}><rect/>`, /must end with <\/svg>/],
      [`<svg ${SVG}><script>alert(1)</script></svg>`, /<script>/],
      [`<svg ${SVG} onload="alert(1)"></svg>`, /event handlers/],
      [`<svg ${SVG}><foreignObject><div/></foreignObject></svg>`, /foreignObject/],
      [`<svg ${SVG}><image href="https://logos.example/x.png"/></svg>`, /outside itself/],
      [`<svg ${SVG}><rect style="fill:url(https://x.example/a)"/></svg>`, /url\(/],
      [`<svg ${SVG}><style>@import "https://x.example/a.css";</style></svg>`, /@import/],
      [`<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x "y">]><svg ${SVG}></svg>`, /DOCTYPE/],
      [`<svg ${SVG}>${'<rect/>'.repeat(ICON_MAX_BYTES / 7 + 1)}</svg>`, /larger than 16 KiB/]
    ]
    for (const [icon, reason] of cases) {
      const result = validateConnectorDefinition({ ...validDefinition(), icon })
      t.notOk(result.ok, icon.slice(0, 40))
      const issue = result.issues.find((i) => i.path === 'icon')
      t.match(issue?.message, reason, icon.slice(0, 40))
    }
    t.equal(
      checkIcon(`<svg ${SVG}><use href="#a"/><rect fill="url(#g)"/></svg>`),
      undefined,
      'links to its own ids are fine'
    )
  }
)

t.test('monograms: two initials, escaped, on a colour the key picks, white text at 4.5:1 or more', async (t) => {
  t.equal(monogramOf('Help Scout'), 'HS')
  t.equal(monogramOf('GitHub'), 'GI')
  t.equal(monogramOf('monday.com'), 'MC')
  t.equal(monogramOf('X'), 'X')
  t.equal(monogramOf('Ünïcode'), 'ÜN')
  const icon = monogramIcon('A&B <Tools>', { key: 'ab' })
  t.equal(checkIcon(icon), undefined, 'a monogram passes its own check')
  t.match(icon, /A&#38;B &#60;Tools&#62;/, 'the name is escaped in the label')
  t.notMatch(icon, /<Tools>/)
  t.equal(monogramIcon('Acme', { key: 'acme' }), monogramIcon('Acme', { key: 'acme' }), 'stable')
  const colours = new Set<string>()
  for (const key of ['github', 'slack', 'stripe', 'hubspot', 'notion', 'zoom', 'asana', 'linear', 'xero', 'okta']) {
    const colour = /fill="(#[0-9a-f]{6})"/u.exec(monogramIcon(key, { key }))![1]!
    colours.add(colour)
    t.ok(contrastWithWhite(colour) >= 4.5, `${colour} against white: ${contrastWithWhite(colour).toFixed(2)}`)
  }
  t.ok(colours.size >= 4, 'keys spread over the palette')
  t.match(monogramIcon('Acme', { background: '#123456', text: 'AC' }), /fill="#123456"[\s\S]*>AC</)
  t.throws(() => monogramIcon('Acme', { background: 'red' }), /background/)
})

t.test('connectorIcon: the shipped icon, else the monogram', async (t) => {
  const own = `<svg ${SVG}><circle r="1"/></svg>`
  t.equal(connectorIcon({ key: 'a', name: 'Acme', icon: own }), own)
  t.equal(connectorIcon({ key: 'a', name: 'Acme' }), monogramIcon('Acme', { key: 'a' }))
})

function contrastWithWhite(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }) as [number, number, number]
  const l = 0.2126 * r + 0.7152 * g + 0.0722 * b
  return 1.05 / (l + 0.05)
}
