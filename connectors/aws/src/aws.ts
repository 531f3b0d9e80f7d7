import { defineConnector } from '@latchkey/connector-sdk'

/**
 * The AWS Regions offered, as the STS endpoint table lists them (commercial partition only:
 * China and GovCloud need credentials of their own partition and other domains). Every one has
 * the Regional endpoint `sts.<region>.amazonaws.com`. Regions marked opt-in must be enabled in
 * the account first ("You must enable the Region to use it").
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_region-endpoints.html
 * @see https://docs.aws.amazon.com/general/latest/gr/sts.html
 */
const regions: readonly { value: string; label: string }[] = [
  { value: 'us-east-1', label: 'US East (N. Virginia) · us-east-1' },
  { value: 'us-east-2', label: 'US East (Ohio) · us-east-2' },
  { value: 'us-west-1', label: 'US West (N. California) · us-west-1' },
  { value: 'us-west-2', label: 'US West (Oregon) · us-west-2' },
  { value: 'ca-central-1', label: 'Canada (Central) · ca-central-1' },
  { value: 'ca-west-1', label: 'Canada West (Calgary) · ca-west-1 (opt-in)' },
  { value: 'mx-central-1', label: 'Mexico (Central) · mx-central-1 (opt-in)' },
  { value: 'sa-east-1', label: 'South America (São Paulo) · sa-east-1' },
  { value: 'eu-west-1', label: 'Europe (Ireland) · eu-west-1' },
  { value: 'eu-west-2', label: 'Europe (London) · eu-west-2' },
  { value: 'eu-west-3', label: 'Europe (Paris) · eu-west-3' },
  { value: 'eu-central-1', label: 'Europe (Frankfurt) · eu-central-1' },
  { value: 'eu-central-2', label: 'Europe (Zurich) · eu-central-2 (opt-in)' },
  { value: 'eu-north-1', label: 'Europe (Stockholm) · eu-north-1' },
  { value: 'eu-south-1', label: 'Europe (Milan) · eu-south-1 (opt-in)' },
  { value: 'eu-south-2', label: 'Europe (Spain) · eu-south-2 (opt-in)' },
  { value: 'af-south-1', label: 'Africa (Cape Town) · af-south-1 (opt-in)' },
  { value: 'il-central-1', label: 'Israel (Tel Aviv) · il-central-1 (opt-in)' },
  { value: 'me-south-1', label: 'Middle East (Bahrain) · me-south-1 (opt-in)' },
  { value: 'me-central-1', label: 'Middle East (UAE) · me-central-1 (opt-in)' },
  { value: 'ap-south-1', label: 'Asia Pacific (Mumbai) · ap-south-1' },
  { value: 'ap-south-2', label: 'Asia Pacific (Hyderabad) · ap-south-2 (opt-in)' },
  { value: 'ap-northeast-1', label: 'Asia Pacific (Tokyo) · ap-northeast-1' },
  { value: 'ap-northeast-2', label: 'Asia Pacific (Seoul) · ap-northeast-2' },
  { value: 'ap-northeast-3', label: 'Asia Pacific (Osaka) · ap-northeast-3' },
  { value: 'ap-southeast-1', label: 'Asia Pacific (Singapore) · ap-southeast-1' },
  { value: 'ap-southeast-2', label: 'Asia Pacific (Sydney) · ap-southeast-2' },
  { value: 'ap-southeast-3', label: 'Asia Pacific (Jakarta) · ap-southeast-3 (opt-in)' },
  { value: 'ap-southeast-4', label: 'Asia Pacific (Melbourne) · ap-southeast-4 (opt-in)' },
  { value: 'ap-southeast-5', label: 'Asia Pacific (Malaysia) · ap-southeast-5 (opt-in)' },
  { value: 'ap-southeast-7', label: 'Asia Pacific (Thailand) · ap-southeast-7 (opt-in)' },
  { value: 'ap-east-1', label: 'Asia Pacific (Hong Kong) · ap-east-1 (opt-in)' }
]

/** The STS Query API version every request names (`Version=2011-06-15`). */
const STS_VERSION = '2011-06-15'

/**
 * AWS, signed with Signature Version 4 from the customer's access key, through the AWS
 * Security Token Service (STS) of the Region they pick.
 *
 * Why STS and not "any service": a SigV4 signature is scoped to one service's signing name
 * (`<date>/<region>/<service>/aws4_request`) and a definition fixes that name (`auth.service`
 * is not a template) and one API host (`http.baseUrl`). STS is the service every access key
 * can call (GetCallerIdentity needs no permission), so it is the one this connector signs for;
 * flows reach other services by assuming a role here and using the temporary credentials it
 * answers. See the package README for what a per-call service would need.
 *
 * STS speaks the AWS Query protocol: `Action` and `Version` as query parameters (GET) or form
 * fields (POST), "IAM and AWS STS support GET and POST requests for all actions", and "the
 * response is an XML document".
 *
 * @see https://docs.aws.amazon.com/STS/latest/APIReference/welcome.html
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/programming.html
 * @see https://docs.aws.amazon.com/general/latest/gr/sigv4_elements.html
 */
export const aws = defineConnector({
  key: 'aws',
  name: 'AWS',
  version: '1.0.0',
  description:
    'Flows call AWS Security Token Service with the customer’s access key, signed with Signature Version 4, to identify the account and assume roles for temporary credentials to other AWS services.',
  docsUrl: 'https://docs.aws.amazon.com/STS/latest/APIReference/welcome.html',
  parameters: [
    {
      key: 'region',
      label: 'AWS Region',
      type: 'dropdown',
      helpText:
        'The Region whose STS endpoint is called and that every request is signed for. Opt-in Regions must be enabled in your account first.',
      docsUrl: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_region-endpoints.html',
      default: 'us-east-1',
      options: [...regions]
    }
  ],
  auth: {
    kind: 'awsSigV4',
    // Every call: `Authorization: AWS4-HMAC-SHA256 Credential=<key id>/<date>/<region>/sts/aws4_request, …`
    // and `X-Amz-Date`, signed for the Region picked and STS's signing name `sts` (the
    // documented sample request: `Credential=AKIAI44QH8DHBEXAMPLE/20160126/us-east-1/sts/aws4_request`).
    // @see https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html
    // @see https://docs.aws.amazon.com/STS/latest/APIReference/CommonParameters.html
    region: '{{parameters.region}}',
    service: 'sts',
    accessKeyId: {
      label: 'Access key ID',
      // "Access key IDs beginning with AKIA are long-term credentials for an IAM user or the AWS
      // account root user. Access key IDs beginning with ASIA are temporary credentials".
      // @see https://docs.aws.amazon.com/STS/latest/APIReference/API_GetAccessKeyInfo.html
      helpText:
        'IAM → Users → your user → Security credentials → Access keys (AKIA… for an IAM user, ASIA… when temporary).',
      docsUrl: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html',
      example: 'AKIAIOSFODNN7EXAMPLE',
      // AccessKeyId: "Minimum length of 16. Maximum length of 128. Pattern: [\w]+".
      // @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_AccessKey.html
      pattern: '[A-Za-z0-9_]{16,128}',
      patternMessage: 'must be an AWS access key ID: 16 to 128 letters and digits, such as AKIAIOSFODNN7EXAMPLE'
    },
    secretAccessKey: {
      label: 'Secret access key',
      helpText: 'Shown once, when the access key is created; if it is lost, create a new access key.',
      docsUrl: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html',
      example: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'
    },
    // Temporary credentials (ASIA… keys from STS operations) come with a session
    // token, sent as `X-Amz-Security-Token` and signed: "the call must include a session token".
    // @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_use-resources.html
    sessionToken: true
  },
  // The Regional STS endpoint, "sts.<region>.amazonaws.com" for every commercial Region
  // (AWS recommends Regional endpoints over the global legacy sts.amazonaws.com).
  // @see https://docs.aws.amazon.com/general/latest/gr/sts.html
  http: { baseUrl: 'https://sts.{{parameters.region}}.amazonaws.com' },
  // GetCallerIdentity: "No permissions are required to perform this operation", so any valid
  // key passes, and a refused signature or unknown key is a 403 (SignatureDoesNotMatch,
  // InvalidClientTokenId). Its answer is XML (`<GetCallerIdentityResponse><GetCallerIdentityResult>
  // <Arn/><UserId/><Account/>…`, `Content-Type: text/xml`): AWS documents no JSON form of it, and
  // identity paths read JSON answers only, so no identity is declared (see the README).
  // @see https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html
  verification: {
    path: '/',
    query: { Action: 'GetCallerIdentity', Version: STS_VERSION }
  },
  actions: [
    {
      key: 'get_caller_identity',
      name: 'Get caller identity',
      description: 'The account, ARN and user ID of the access key (the XML answer as AWS sends it).',
      method: 'GET',
      // @see https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html
      path: '/',
      query: { Action: 'GetCallerIdentity', Version: STS_VERSION },
      input: { type: 'object', properties: {}, additionalProperties: false }
    },
    {
      key: 'assume_role',
      name: 'Assume a role',
      description:
        'Temporary credentials (access key ID, secret access key, session token) for an IAM role, to call other AWS services with (the XML answer as AWS sends it).',
      method: 'POST',
      // A form POST as the documented sample request sends it.
      // @see https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html
      path: '/',
      bodyFormat: 'form',
      body: {
        Action: 'AssumeRole',
        Version: STS_VERSION,
        RoleArn: '{{input.roleArn}}',
        RoleSessionName: '{{input.roleSessionName}}',
        DurationSeconds: '{{input.durationSeconds}}',
        ExternalId: '{{input.externalId}}'
      },
      input: {
        type: 'object',
        properties: {
          roleArn: {
            type: 'string',
            minLength: 20,
            maxLength: 2048,
            description: 'The ARN of the role to assume, such as arn:aws:iam::123456789012:role/demo'
          },
          roleSessionName: {
            type: 'string',
            minLength: 2,
            maxLength: 64,
            pattern: '^[\\w+=,.@-]+$',
            description: 'Names the session in CloudTrail and in the assumed role ARN'
          },
          durationSeconds: {
            type: 'integer',
            minimum: 900,
            maximum: 43200,
            description: 'From 900 up to the role’s maximum session duration (default 3600)'
          },
          externalId: {
            type: 'string',
            minLength: 2,
            description: 'The external ID the role’s trust policy asks for, when it asks for one'
          }
        },
        required: ['roleArn', 'roleSessionName'],
        additionalProperties: false
      }
    }
  ]
})
