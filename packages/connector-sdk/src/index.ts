export { defineConnector } from './define-connector.js'
export { validateConnectorDefinition, validateConnectorInput } from './validate-definition.js'
export type { ValidateOptions, ValidationResult } from './validate-definition.js'
export {
  ApiKeySchema,
  AuthFailureSchema,
  AwsSigV4Schema,
  JwtBearerSchema,
  OAuth1Schema,
  AuthSchema,
  AuthSchemeSchema,
  BasicAuthSchema,
  ConfigValueSchema,
  ConnectorDefinitionSchema,
  HttpSchema,
  OAuth2AuthorizationCodeSchema,
  OAuth2ClientCredentialsSchema,
  OfflineAccessSchema,
  IncrementalConsentSchema,
  ParameterOptionSchema,
  ParameterSchema,
  RateLimitSchema,
  RevokeRequestSchema,
  TokenPlacementSchema,
  TokenExchangeSchema,
  TokenResponseSchema,
  VerificationSchema,
  VerificationStepSchema,
  ActionSchema,
  ActionInputSchema,
  PaginationSchema
} from './schema.js'
export type {
  ApiKeyAuth,
  AuthDefinition,
  AwsSigV4Auth,
  JwtBearerAuth,
  OAuth1Auth,
  AuthFailureRule,
  AuthSchemeDefinition,
  BasicAuth,
  ClientAuthMethod,
  ComputedConfigValue,
  ConfigContext,
  ConfigValueDefinition,
  ConnectorDefinition,
  ConnectorDefinitionInput,
  ConnectorDefinitionJson,
  DeepReadonly,
  HttpDefinition,
  OAuth2AuthorizationCodeAuth,
  OAuth2ClientCredentialsAuth,
  ParameterDefinition,
  ParameterOption,
  ScopeDelimiter,
  RateLimitDefinition,
  RevokeRequest,
  StaticConfigValue,
  TokenExchangeAuth,
  TokenPlacement,
  VerificationDefinition,
  VerificationStep,
  ActionDefinition,
  PaginationDefinition
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
export {
  NOW_KEYS,
  TEMPLATE_FUNCTIONS,
  parsePlaceholders,
  placeholderParts,
  placeholderValue,
  readPath,
  renderEmbeddedTemplate,
  renderTemplate,
  renderTemplateIfComplete,
  renderUrlTemplate,
  selectPath
} from './template.js'
export type {
  Placeholder,
  PlaceholderNamespace,
  Reference,
  TemplateFunction,
  TemplateValues,
  UrlPart
} from './template.js'
export {
  checkRequestedScopes,
  coveredScopes,
  joinScopes,
  missingScopes,
  resolveScopes,
  splitScopes,
  widestScopes
} from './scopes.js'
export {
  MAX_PARAMETER_LENGTH,
  isPort,
  resolveConfigValues,
  templateParameterKeys,
  templateParameters,
  validateParameters
} from './parameters.js'
export type { ParametersResult } from './parameters.js'
export { fromOpenApi, parseOpenApiDocument } from './from-openapi.js'
export { actionKeyOf, actionsFromOperations, plainSchema } from './openapi-actions.js'
export type { ImportedActions } from './openapi-actions.js'
export type { OpenApiImport, OpenApiImportOptions } from './from-openapi.js'
export {
  API_KEY_PLACEHOLDER,
  CLIENT_CERTIFICATE_KEYS,
  DEFAULT_REFRESH_ON_STATUS,
  DEFAULT_TOKEN_PLACEMENT,
  OAUTH2_DEFAULTS,
  SERVICE_ACCOUNT_FIELDS,
  defaultSchemeKey,
  isRedirectScheme,
  usesTenantApp,
  resolveAuthScheme,
  resolveAuthSchemes,
  resolveOAuth2,
  resolveScheme,
  resolveTokenPlacement,
  resolveVerificationSteps,
  verificationIdentityNames
} from './normalize.js'
export type {
  ResolvedApiKey,
  ResolvedAuthScheme,
  ResolvedAwsSigV4,
  ResolvedJwtBearer,
  ResolvedOAuth1,
  ResolvedBasic,
  ResolvedExpiry,
  ResolvedOAuth2,
  ResolvedOAuth2AuthorizationCode,
  ResolvedOAuth2Base,
  ResolvedOAuth2ClientCredentials,
  ResolvedRevokeRequest,
  ResolvedSchemeIdentity,
  ResolvedTokenExchange
} from './normalize.js'
export { checkEndpointUrl, isLoopbackHost } from './url-policy.js'
export { closest } from './format-issues.js'
export { summarizeConnector } from './summarize-connector.js'
export { resolveEndpoints } from './resolve-endpoints.js'
export type { EndpointOverrides, ResolvedEndpoints } from './resolve-endpoints.js'
export {
  actionsByScope,
  findAction,
  renderActionRequest,
  renderBody,
  scopesForActions,
  validateActionInput
} from './actions.js'
export type { ActionRequest } from './actions.js'
export { ICON_MAX_BYTES, checkIcon, connectorIcon, monogramIcon, monogramOf } from './icon.js'
export type { MonogramOptions } from './icon.js'
