/** Whether a value is an https URL, or an http one on loopback (test servers, local development). */
export function httpsOrLoopback(value: unknown): value is string {
  if (typeof value !== 'string') return false
  try {
    const url = new URL(value)
    return (
      url.protocol === 'https:' ||
      (url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname))
    )
  } catch {
    return false
  }
}
