/**
 * One problem found in a connector definition, a parameter set or an OpenAPI document.
 * `path` uses dots and brackets (`auth.defaultScopes[1]`); `message` is a sentence a person
 * can act on.
 */
export interface Issue {
  readonly path: string
  readonly message: string
}

/** Stable codes of every error this package throws. */
export type ConnectorSdkErrorCode =
  'ERR_INVALID_DEFINITION' | 'ERR_TEMPLATE' | 'ERR_OPENAPI_IMPORT' | 'ERR_INVALID_PARAMETERS' | 'ERR_CONFIG_VALUE'

/** Base class of every error thrown by `@latchkey/connector-sdk`. */
export abstract class ConnectorSdkError extends Error {
  abstract readonly code: ConnectorSdkErrorCode
}

function listIssues(headline: string, issues: readonly Issue[]): string {
  return [headline, ...issues.map((issue) => `  ${formatIssue(issue)}`)].join('\n')
}

/** Renders an issue the way the CLI prints it: `path: message`. */
export function formatIssue(issue: Issue): string {
  return issue.path === '' ? issue.message : `${issue.path}: ${issue.message}`
}

/** A connector definition failed validation; `issues` lists every problem at once. */
export class DefinitionError extends ConnectorSdkError {
  override readonly name = 'DefinitionError'
  readonly code = 'ERR_INVALID_DEFINITION' as const
  readonly issues: readonly Issue[]
  constructor(issues: readonly Issue[], subject = 'connector definition') {
    super(listIssues(`invalid ${subject} (${issues.length} ${issues.length === 1 ? 'problem' : 'problems'}):`, issues))
    this.issues = issues
  }
}

/** A `{{placeholder}}` could not be rendered: unknown, missing, or unsafe where it sits. */
export class TemplateError extends ConnectorSdkError {
  override readonly name = 'TemplateError'
  readonly code = 'ERR_TEMPLATE' as const
  /** The placeholder at fault, e.g. `parameters.subdomain`. */
  readonly placeholder: string
  constructor(placeholder: string, message: string) {
    super(message)
    this.placeholder = placeholder
  }
}

/** An OpenAPI document could not be turned into a connector definition. */
export class OpenApiImportError extends ConnectorSdkError {
  override readonly name = 'OpenApiImportError'
  readonly code = 'ERR_OPENAPI_IMPORT' as const
  readonly issues: readonly Issue[]
  constructor(issues: readonly Issue[]) {
    super(listIssues('cannot import the OpenAPI document:', issues))
    this.issues = issues
  }
}

/** The end customer's parameters are not acceptable; `issues` are per field. */
export class ParameterError extends ConnectorSdkError {
  override readonly name = 'ParameterError'
  readonly code = 'ERR_INVALID_PARAMETERS' as const
  readonly issues: readonly Issue[]
  constructor(issues: readonly Issue[]) {
    super(listIssues('invalid parameters:', issues))
    this.issues = issues
  }
}

/** A computed config value's function threw or returned something other than a string. */
export class ConfigValueError extends ConnectorSdkError {
  override readonly name = 'ConfigValueError'
  readonly code = 'ERR_CONFIG_VALUE' as const
  readonly key: string
  constructor(key: string, message: string, options?: { cause?: unknown }) {
    super(`configValues.${key}: ${message}`, options)
    this.key = key
  }
}
