import type { Test } from 'tap'
import type { PagedCollection } from '@latchkey/testkit'
import type { ScenarioResult } from './scenario.js'

/** A request the provider must have seen while an action ran. */
export interface SeenRequest {
  readonly method?: string
  /** Full path on the emulator, such as `/api/folders/0/items`. */
  readonly path: string
  /** The query as sent (every parameter, compared exactly). */
  readonly query?: Record<string, string>
  readonly body?: unknown
}

/**
 * One declared action run against the quirky provider, serving a list the way the provider
 * documents its pagination (or echoing a write), and what must come of it.
 */
export interface ActionCase {
  readonly action: string
  readonly input?: Record<string, unknown>
  /** The list the provider serves, paged as its documentation says. */
  readonly serves?: { readonly path: string; readonly collection: PagedCollection }
  readonly pages?: number
  readonly maxItems?: number
  /** The page requests the provider saw, in order (lists only). */
  readonly requests?: readonly SeenRequest[]
  /** The answer: `output` compared exactly for lists; for writes, matched against the emulator's echo of the request. */
  readonly answer: {
    readonly status?: number
    readonly output?: unknown
    readonly echo?: { readonly method: string; readonly path: string; readonly query?: Record<string, string> }
    /** The JSON body the provider received (writes), compared exactly. */
    readonly sentBody?: unknown
    readonly pages?: number
    readonly more?: boolean
  }
}

/** Runs each action through `POST /v1/connections/:id/actions/:action` and checks what the provider saw and what came back. */
export async function checkActions(t: Test, context: ScenarioResult, cases: readonly ActionCase[]): Promise<void> {
  const { system, provider, connectionId } = context
  for (const item of cases) {
    await t.test(`action ${item.action}`, async (t) => {
      if (item.serves !== undefined) provider.setPagedAnswer(item.serves.path, item.serves.collection)
      const before = provider.pagedRequests.length
      const answer = await system.api('POST', `/v1/connections/${connectionId}/actions/${item.action}`, {
        input: item.input ?? {},
        ...(item.pages === undefined ? {} : { pages: item.pages }),
        ...(item.maxItems === undefined ? {} : { maxItems: item.maxItems })
      })
      t.equal(answer.status, 200, `the action runs: ${JSON.stringify(answer.body).slice(0, 300)}`)
      const body = answer.body as {
        status: number
        output: unknown
        pages: number
        more: boolean
      }
      t.equal(body.status, item.answer.status ?? 200, 'the provider answered')
      if (item.answer.output !== undefined) t.same(body.output, item.answer.output, 'the output, every page joined')
      if (item.answer.echo !== undefined) {
        const echo = body.output as { method: string; path: string; query: Record<string, string>; body: string }
        t.match(echo, { method: item.answer.echo.method, path: item.answer.echo.path }, 'sent where the API documents')
        if (item.answer.echo.query !== undefined) t.same(echo.query, item.answer.echo.query, 'with the query it takes')
        if (item.answer.sentBody !== undefined)
          t.same(JSON.parse(echo.body), item.answer.sentBody, 'with the body the API documents')
      }
      if (item.answer.pages !== undefined) t.equal(body.pages, item.answer.pages, `${item.answer.pages} page(s)`)
      if (item.answer.more !== undefined)
        t.equal(body.more, item.answer.more, item.answer.more ? 'more left' : 'all read')
      if (item.requests !== undefined) {
        const seen = provider.pagedRequests.slice(before)
        t.equal(seen.length, item.requests.length, 'one request per page')
        for (const [index, expected] of item.requests.entries()) {
          const request = seen[index]
          t.equal(request?.method, expected.method ?? 'GET', `page ${index + 1}: method`)
          t.equal(request?.path, expected.path, `page ${index + 1}: path`)
          if (expected.query !== undefined) t.same(request?.query, expected.query, `page ${index + 1}: query`)
          if (expected.body !== undefined) t.same(request?.body, expected.body, `page ${index + 1}: body`)
        }
      }
    })
  }
}

/** An action needing a scope the connection was not granted is refused before any request. */
export async function checkMissingScope(
  t: Test,
  context: ScenarioResult,
  action: string,
  input: Record<string, unknown>,
  missing: readonly string[]
): Promise<void> {
  const before = context.provider.counters.apiCalls
  const answer = await context.system.api('POST', `/v1/connections/${context.connectionId}/actions/${action}`, {
    input
  })
  t.equal(answer.status, 409, `${action} needs a scope not granted`)
  t.match(
    answer.body,
    { error: { code: 'missing_scope', details: { missingScopes: missing } } },
    'naming the missing scopes'
  )
  t.equal(context.provider.counters.apiCalls, before, 'nothing reached the provider')
}
