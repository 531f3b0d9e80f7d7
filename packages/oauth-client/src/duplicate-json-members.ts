/** JSON's insignificant whitespace (RFC 8259 §2). */
const WHITESPACE = new Set([' ', '\t', '\n', '\r'])

/**
 * The dot paths of `paths`, and of the objects on the way to them, whose member occurs more
 * than once in a JSON text, in the order found, each once. Paths are read as `readPath`
 * reads them: member names joined by dots, array elements by index, and a literal dotted
 * name at the top level.
 *
 * `JSON.parse` keeps the last of two members with the same name, so an answer carrying two
 * `access_token`s would otherwise pass with whichever the sender put last. The text must
 * already have been accepted by `JSON.parse`. Only values on the watched paths are walked,
 * so recursion is bounded by the paths' length; everything else is skipped with a loop.
 *
 * @see https://www.rfc-editor.org/rfc/rfc8259#section-4
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-3.1
 */
export function duplicateJsonMembers(text: string, paths: readonly string[]): string[] {
  const watched = new Set<string>()
  const walked = new Set<string>()
  for (const path of paths) {
    watched.add(path)
    const segments = path.split('.')
    for (let i = 1; i < segments.length; i++) {
      const prefix = segments.slice(0, i).join('.')
      watched.add(prefix)
      walked.add(prefix)
    }
  }
  const found = new Set<string>()
  let at = 0

  const skipWhitespace = (): void => {
    while (at < text.length && WHITESPACE.has(text.charAt(at))) at++
  }
  /** Moves past the string starting at `at` (on its opening quote); returns its raw text, quotes included. */
  const skipString = (): string => {
    const start = at
    at++
    while (at < text.length && text.charAt(at) !== '"') at += text.charAt(at) === '\\' ? 2 : 1
    at++
    return text.slice(start, at)
  }
  /** Moves past any value, nested ones included, without recursion. */
  const skipValue = (): void => {
    const first = text.charAt(at)
    if (first === '"') {
      skipString()
      return
    }
    if (first !== '{' && first !== '[') {
      while (at < text.length && !WHITESPACE.has(text.charAt(at)) && !',]}'.includes(text.charAt(at))) at++
      return
    }
    let depth = 0
    do {
      const char = text.charAt(at)
      if (char === '"') {
        skipString()
        continue
      }
      if (char === '{' || char === '[') depth++
      else if (char === '}' || char === ']') depth--
      at++
    } while (depth > 0 && at < text.length)
  }
  const walkValue = (path: string): void => {
    const first = text.charAt(at)
    if (walked.has(path) && first === '{') walkObject(path)
    else if (walked.has(path) && first === '[') walkArray(path)
    else skipValue()
  }
  const walkObject = (path: string | undefined): void => {
    const names = new Set<string>()
    at++
    skipWhitespace()
    if (text.charAt(at) === '}') {
      at++
      return
    }
    while (at < text.length) {
      skipWhitespace()
      const name = JSON.parse(skipString()) as string
      const member = path === undefined ? name : `${path}.${name}`
      if (names.has(name) && watched.has(member)) found.add(member)
      names.add(name)
      skipWhitespace()
      at++ // the colon
      skipWhitespace()
      walkValue(member)
      skipWhitespace()
      if (text.charAt(at++) !== ',') return
    }
  }
  const walkArray = (path: string): void => {
    at++
    skipWhitespace()
    if (text.charAt(at) === ']') {
      at++
      return
    }
    for (let index = 0; at < text.length; index++) {
      skipWhitespace()
      walkValue(`${path}.${index}`)
      skipWhitespace()
      if (text.charAt(at++) !== ',') return
    }
  }

  skipWhitespace()
  if (text.charAt(at) === '{') walkObject(undefined)
  return [...found]
}
