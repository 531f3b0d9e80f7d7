/** The smallest cookie jar that follows an OAuth dance: name=value per host, no expiry. */
export class CookieJar {
  readonly #cookies = new Map<string, Map<string, string>>()

  /** Keeps the cookies a response sets for its host. */
  store(url: URL, response: Response): void {
    let host = this.#cookies.get(url.host)
    if (host === undefined) {
      host = new Map()
      this.#cookies.set(url.host, host)
    }
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';')
      const index = pair?.indexOf('=') ?? -1
      if (pair === undefined || index <= 0) continue
      const name = pair.slice(0, index).trim()
      const value = pair.slice(index + 1).trim()
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(header) || /max-age=0/i.test(header)) host.delete(name)
      else host.set(name, value)
    }
  }

  /** The `Cookie` header for a URL's host. */
  header(url: URL): string {
    return [...(this.#cookies.get(url.host) ?? new Map<string, string>())]
      .map(([name, value]) => `${name}=${value}`)
      .join('; ')
  }
}
