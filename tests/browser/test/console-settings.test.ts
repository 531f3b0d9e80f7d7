import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import t from 'tap'
import type { Page } from 'playwright-core'
import type { SettingsView } from '@latchkey/runtime'
import { startSystem } from './system.js'
import type { System } from './system.js'

/** A 1×1 PNG: the smallest real image a logo can be. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64'
)

/** White text on `#rrggbb`, by the WCAG 2 definitions of relative luminance and contrast ratio. */
function contrastWithWhite(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }) as [number, number, number]
  return (1 + 0.05) / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05)
}

async function settings(system: System): Promise<SettingsView> {
  const answer = await system.api<SettingsView>('GET', '/v1/settings')
  return answer.body
}

/** The text of the error slot a field names first in its `aria-describedby`. */
async function errorOf(page: Page, label: string): Promise<string> {
  const control = page.getByLabel(label, { exact: true })
  const id = (await control.getAttribute('aria-describedby'))!.split(' ')[0]!
  return (await page.locator(`#${id}`).textContent()) ?? ''
}

t.test(
  'console settings: branding and embedding saved, refused beside their fields, a logo uploaded and removed',
  async (t) => {
    const system = await startSystem(t)
    const { page } = await system.page()
    await page.goto(`${system.url}/console/`)
    await page.getByLabel('Tenant API key').fill(system.tenant.apiKey)
    await page.keyboard.press('Enter')

    // Reached from the navigation like every other section.
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Settings' }).click()
    t.equal(new URL(page.url()).hash, '#settings')
    const section = page.locator('#settings')
    await section.getByRole('heading', { level: 2, name: 'Settings: branding and embedding' }).waitFor()
    t.ok(await section.isVisible())
    const levels = await page
      .locator('h1, h2, h3, h4, h5, h6')
      .evaluateAll((headings) => headings.filter((h) => h.checkVisibility()).map((h) => Number(h.tagName.slice(1))))
    t.ok(
      levels[0] === 1 && levels.every((level, i) => i === 0 || level <= levels[i - 1]! + 1),
      `no heading level is skipped (${levels.join(', ')})`
    )
    t.same(
      await section.locator('h3').allTextContents(),
      ['Name and colour', 'Embedding', 'Logo'],
      'the settings are grouped under h3s'
    )
    t.match(await section.textContent(), /@latchkey\/connect.*docs\/embedding\.md/, 'how to embed the wizard')
    const before = await settings(system)
    t.match(before, { displayName: null, accentColor: null, embedOrigins: [], redirectUrls: [], logoUrl: null })

    // Every field is labelled, with its help tied to it.
    const displayName = section.getByLabel('Display name')
    const accent = section.getByLabel('Accent colour', { exact: true })
    const picker = section.getByLabel('Accent colour picker')
    const origins = section.getByLabel('Allowed embedding origins')
    const redirects = section.getByLabel('Redirect URLs')
    const logoFile = section.getByLabel('Choose a logo to upload')
    for (const [name, control, help] of [
      ['Display name', displayName, /What your customers see in the connect wizard; empty: your tenant name/],
      ['Accent colour', accent, /buttons.*white.*dark enough/],
      ['Accent colour picker', picker, /buttons.*white.*dark enough/],
      ['Allowed embedding origins', origins, /One origin per line, such as https:\/\/app\.example\.com/],
      ['Redirect URLs', redirects, /One URL per line/],
      ['Logo', logoFile, /PNG, JPEG, WebP or SVG, at most 256 KiB/]
    ] as const) {
      const described = await control.evaluate((element) =>
        (element.getAttribute('aria-describedby') ?? '')
          .split(' ')
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' ')
      )
      t.match(described, help, `${name}: its help is its description`)
    }
    t.equal(await logoFile.getAttribute('accept'), 'image/png,image/jpeg,image/webp,image/svg+xml')
    t.equal(await section.getByRole('img', { name: 'Your logo' }).count(), 0, 'no logo yet')
    const small = await section.locator('button, input, textarea, select, a').evaluateAll((controls) =>
      controls
        .filter((c) => c.checkVisibility())
        .map((c) => ({ control: c.outerHTML.slice(0, 80), box: c.getBoundingClientRect() }))
        .filter(({ box }) => box.width < 24 || box.height < 24)
        .map(({ control }) => control)
    )
    t.same(small, [], 'no control smaller than 24 px')

    // The picker and the text field follow each other; the preview is a white-text button in the colour.
    const preview = section.locator('#settings-preview')
    const contrast = section.locator('#settings-contrast')
    const warning = section.locator('#settings-contrast-warning')
    await picker.fill('#7a1f5c')
    t.equal(await accent.inputValue(), '#7a1f5c', 'the picker fills the text field')
    await accent.fill('#0B5CAD')
    t.equal(await picker.inputValue(), '#0b5cad', 'the text field moves the picker')
    t.same(
      await preview.evaluate((element) => [getComputedStyle(element).backgroundColor, getComputedStyle(element).color]),
      ['rgb(11, 92, 173)', 'rgb(255, 255, 255)'],
      'the preview: white text on the colour'
    )
    const good = contrastWithWhite('#0b5cad')
    t.ok(good >= 4.5)
    t.match(
      await contrast.textContent(),
      `contrast ${(Math.floor(good * 10) / 10).toFixed(1)}:1`,
      'the contrast ratio, computed in the browser'
    )
    t.notOk(await warning.isVisible(), 'no warning for a dark enough colour')

    // Save: what the API stores is what was typed, normalised.
    await displayName.fill('  Acme Flows ')
    await origins.fill('https://app.acme.test/\nhttp://localhost:3000\n')
    await redirects.fill('https://app.acme.test/connected\nhttps://app.acme.test/failed?from=latchkey')
    await section.getByRole('button', { name: 'Save settings' }).click()
    const saved = section.locator('#settings-saved')
    await saved.getByText('Settings saved.').waitFor()
    t.equal(await saved.getAttribute('role'), 'status')
    t.equal(await page.evaluate(() => document.activeElement?.id), 'settings-saved', 'focus moves to the message')
    const stored = await settings(system)
    t.match(stored, {
      displayName: 'Acme Flows',
      accentColor: '#0b5cad',
      embedOrigins: ['https://app.acme.test', 'http://localhost:3000'],
      redirectUrls: ['https://app.acme.test/connected', 'https://app.acme.test/failed?from=latchkey'],
      logoUrl: null
    })
    t.type(stored.updatedAt, 'string')
    t.equal(
      await origins.inputValue(),
      'https://app.acme.test\nhttp://localhost:3000',
      'the form shows what was stored'
    )
    t.equal(await accent.inputValue(), '#0b5cad')

    // Too light: the warning before saving, then the API's refusal on the field, and nothing saved.
    await displayName.fill('Not saved')
    await accent.fill('#ffdd00')
    const light = contrastWithWhite('#ffdd00')
    t.ok(light < 4.5)
    await warning.waitFor()
    t.match(await warning.textContent(), /Too light/, 'warned before saving')
    t.match(await warning.textContent(), `${(Math.floor(light * 10) / 10).toFixed(1)}:1, needs 4.5:1`)
    t.match(await contrast.textContent(), `contrast ${(Math.floor(light * 10) / 10).toFixed(1)}:1`)
    await section.getByRole('button', { name: 'Save settings' }).click()
    await section.locator('#settings-accent[aria-invalid="true"]').waitFor()
    t.match(
      await errorOf(page, 'Accent colour'),
      /^#ffdd00 is too light for the white text on buttons \(contrast 1\.\d:1, needs 4\.5:1\)/,
      "the API's message on the field"
    )
    t.equal(await page.evaluate(() => document.activeElement?.id), 'settings-accent', 'focus goes to the field')
    t.equal(await saved.textContent(), '', 'no success message')
    t.match(await section.locator('.form-error').textContent(), /not saved: one problem/)
    t.same(await settings(system), stored, 'nothing saved')

    // A bad origin on line 2 and a bad redirect URL after a blank line: each problem names its line.
    await accent.fill('#0b5cad')
    await origins.fill('https://app.acme.test\nhttp://app.acme.test\nhttps://ok.acme.test')
    await redirects.fill('\nhttps://app.acme.test/done#fragment')
    await section.getByRole('button', { name: 'Save settings' }).click()
    await section.locator('textarea[name="embedOrigins"][aria-invalid="true"]').waitFor()
    t.equal(
      await errorOf(page, 'Allowed embedding origins'),
      'Line 2: http://app.acme.test must use https (plain http only on localhost).',
      'the origin problem names line 2'
    )
    t.equal(
      await errorOf(page, 'Redirect URLs'),
      'Line 2: https://app.acme.test/done#fragment must not have a fragment (#…).',
      'the line it is on, blank lines counted'
    )
    t.equal(await accent.getAttribute('aria-invalid'), null, 'the colour is fine now')
    t.equal(await errorOf(page, 'Accent colour'), '')
    t.match(await section.locator('.form-error').textContent(), /not saved: 2 problems/)
    t.equal(
      await page.evaluate(() => document.activeElement?.getAttribute('name')),
      'embedOrigins',
      'focus goes to the first field at fault'
    )
    t.same(await settings(system), stored, 'nothing saved')

    // A logo: uploaded as soon as it is chosen, drawn from the API's own URL.
    const dir = t.testdir({})
    const pngPath = join(dir, 'logo.png')
    writeFileSync(pngPath, PNG)
    await logoFile.setInputFiles(pngPath)
    const logo = section.getByRole('img', { name: 'Your logo' })
    await logo.waitFor()
    await section.locator('#settings-logo-status').getByText('Logo uploaded.').waitFor()
    const drawn = await logo.evaluate(async (img: HTMLImageElement) => {
      await img.decode()
      return { src: img.src, naturalWidth: img.naturalWidth }
    })
    t.equal(drawn.naturalWidth, 1, 'the logo is decoded')
    const withLogo = await settings(system)
    t.match(withLogo.logoUrl, new RegExp(`^${system.url}/branding/${system.tenant.id}/logo\\?v=[0-9a-f]{16}$`))
    t.equal(drawn.src, withLogo.logoUrl, 'the image is the stored logo')
    t.match(withLogo, { displayName: 'Acme Flows', embedOrigins: stored.embedOrigins }, 'the other settings unchanged')
    await system.screenshot(page, 'console-settings')

    // Text named .png: refused by its bytes, said in words, and the old logo stays.
    const fakePath = join(dir, 'not-a-logo.png')
    writeFileSync(fakePath, 'This is a text file, not an image.\n')
    await logoFile.setInputFiles(fakePath)
    await section.locator('#settings-logo-file[aria-invalid="true"]').waitFor()
    t.equal(
      await section.locator('#settings-logo-error').textContent(),
      'not-a-logo.png was not uploaded. The logo must be a PNG, JPEG, WebP or SVG image.',
      'the refusal in words'
    )
    t.equal(await logo.getAttribute('src'), withLogo.logoUrl, 'the old logo is still shown')
    t.equal((await settings(system)).logoUrl, withLogo.logoUrl, 'and still stored')

    // Remove: the image goes, and so does the stored logo.
    await section.getByRole('button', { name: 'Remove logo' }).click()
    await section.locator('#settings-logo-status').getByText('Logo removed.').waitFor()
    t.equal(await section.getByRole('img', { name: 'Your logo' }).count(), 0, 'the image is gone')
    t.equal(await section.locator('#settings-logo-error').textContent(), '', 'the earlier refusal is cleared')
    t.equal(await section.getByRole('button', { name: 'Remove logo' }).count(), 0, 'nothing left to remove')
    t.equal(
      await page.evaluate(() => document.activeElement?.id),
      'settings-logo-status',
      'focus goes to what happened, not the page body'
    )
    t.equal((await settings(system)).logoUrl, null)

    // After a reload the form shows what is stored.
    await page.reload()
    await page.locator('#settings-form').waitFor()
    t.equal(await section.getByLabel('Display name').inputValue(), 'Acme Flows')
    t.equal(await section.getByLabel('Accent colour', { exact: true }).inputValue(), '#0b5cad')
    t.equal(await section.getByLabel('Accent colour picker').inputValue(), '#0b5cad')
    t.equal(
      await section.getByLabel('Allowed embedding origins').inputValue(),
      'https://app.acme.test\nhttp://localhost:3000'
    )
    t.equal(
      await section.getByLabel('Redirect URLs').inputValue(),
      'https://app.acme.test/connected\nhttps://app.acme.test/failed?from=latchkey'
    )
    t.equal(await section.getByRole('img', { name: 'Your logo' }).count(), 0)

    // Emptied, the colour is the default again, and the picker shows it.
    await accent.fill('')
    t.match(await contrast.textContent(), /\(the default colour\)/)
    t.equal(
      await picker.inputValue(),
      await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--accent').trim())
    )

    // At 375 px the settings fit the width, long example URLs included.
    await page.setViewportSize({ width: 375, height: 740 })
    t.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 375), 'nothing overflows sideways at 375 px')
  }
)
