export { defineConnector } from './define-connector.js'
export { validateConnectorDefinition, validateConnectorInput } from './validate-definition.js'
export type { ValidateOptions, ValidationResult } from './validate-definition.js'
export {
  AuthSchema,
  ConfigValueSchema,
  ConnectorDefinitionSchema,
  HttpSchema,
  OAuth2AuthorizationCodeSchema,
  OfflineAccessSchema,
  ParameterOptionSchema,
  ParameterSchema,
  TokenPlacementSchema,
  TokenResponseSchema
} from './schema.js'
export type {
  AuthDefinition,
  ClientAuthMethod,
  ComputedConfigValue,
  ConfigContext,
  ConfigValueDefinition,
  ConnectorDefinition,
  ConnectorDefinitionInput,
  ConnectorDefinitionJson,
  HttpDefinition,
  OAuth2AuthorizationCodeAuth,
  ParameterDefinition,
  ParameterOption,
  ScopeDelimiter,
  StaticConfigValue,
  TokenPlacement
} from './schema.js'
export {
  ConfigValueError,
  ConnectorSdkError,
  DefinitionError,
  OpenApiImportError,
  ParameterError,
  TemplateError,
  formatIssue
} from './errors.js'
export type { ConnectorSdkErrorCode, Issue } from './errors.js'
export { parsePlaceholders, readPath, renderTemplate, renderUrlTemplate } from './template.js'
export type { Placeholder, PlaceholderNamespace, TemplateValues, UrlPart } from './template.js'
export { checkRequestedScopes, joinScopes, resolveScopes, splitScopes } from './scopes.js'
export { MAX_PARAMETER_LENGTH, resolveConfigValues, validateParameters } from './parameters.js'
export type { ParametersResult } from './parameters.js'
export { fromOpenApi, parseOpenApiDocument } from './from-openapi.js'
export type { OpenApiImport, OpenApiImportOptions } from './from-openapi.js'
export { DEFAULT_REFRESH_ON_STATUS, DEFAULT_TOKEN_PLACEMENT, OAUTH2_DEFAULTS, resolveOAuth2, resolveTokenPlacement } from './normalize.js'
export type { ResolvedOAuth2AuthorizationCode } from './normalize.js'
export { checkEndpointUrl, isLoopbackHost } from './url-policy.js'
export { summarizeConnector } from './summarize-connector.js'
export { resolveEndpoints } from './resolve-endpoints.js'
export type { EndpointOverrides, ResolvedEndpoints } from './resolve-endpoints.js'
