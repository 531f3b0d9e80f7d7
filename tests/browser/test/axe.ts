import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Frame, Page } from 'playwright-core'
import type { Test } from 'tap'

/** axe-core's browser build, read once. */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

interface Violation {
  id: string
  impact: string | null
  help: string
  nodes: { target: string[]; failureSummary?: string }[]
}

/**
 * Runs axe-core (WCAG 2.2 A/AA and best practices) on the page as it is now and fails the
 * test with each violation, its rule and where, when there is any. The engine goes in through
 * DevTools evaluation, which the page's CSP (`script-src 'self'`) does not govern, so the
 * pages are checked under their real policy.
 */
export async function checkAccessibility(t: Test, page: Page | Frame, state: string): Promise<void> {
  const violations = await axeViolations(page)
  t.same(
    violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    [],
    `axe-core finds no violation: ${state}`
  )
}

/** What axe-core finds on the page as it is now (rules tagged WCAG 2.2 A/AA and best practice). */
export async function axeViolations(page: Page | Frame): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE)
  return page.evaluate(async () => {
    const scope = window as unknown as { axe: { run(context: unknown, options: unknown): Promise<unknown> } }
    const result = (await scope.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations']
    })) as { violations: Violation[] }
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, failureSummary: n.failureSummary }))
    }))
  })
}
