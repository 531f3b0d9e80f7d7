import { airtable } from '@latchkey/connector-airtable'
import { asana } from '@latchkey/connector-asana'
import { atlassian } from '@latchkey/connector-atlassian'
import { bitbucket } from '@latchkey/connector-bitbucket'
import { box } from '@latchkey/connector-box'
import { clickup } from '@latchkey/connector-clickup'
import { datadog } from '@latchkey/connector-datadog'
import { discord } from '@latchkey/connector-discord'
import { dropbox } from '@latchkey/connector-dropbox'
import { freshdesk } from '@latchkey/connector-freshdesk'
import { github } from '@latchkey/connector-github'
import { gitlab } from '@latchkey/connector-gitlab'
import { google } from '@latchkey/connector-google'
import { hubspot } from '@latchkey/connector-hubspot'
import { jamfPro } from '@latchkey/connector-jamf-pro'
import { linear } from '@latchkey/connector-linear'
import { mandrill } from '@latchkey/connector-mandrill'
import { microsoftGraph } from '@latchkey/connector-microsoft-graph'
import { notion } from '@latchkey/connector-notion'
import { openai } from '@latchkey/connector-openai'
import { pagerDuty } from '@latchkey/connector-pagerduty'
import { pipedrive } from '@latchkey/connector-pipedrive'
import { quickbooks } from '@latchkey/connector-quickbooks'
import { salesforce } from '@latchkey/connector-salesforce'
import { shopify } from '@latchkey/connector-shopify'
import { slack } from '@latchkey/connector-slack'
import { stripe } from '@latchkey/connector-stripe'
import { twilio } from '@latchkey/connector-twilio'
import { typeform } from '@latchkey/connector-typeform'
import { x } from '@latchkey/connector-x'
import { zendesk } from '@latchkey/connector-zendesk'
import type { ConnectorDefinition } from '@latchkey/connector-sdk'

/**
 * The built-in connectors: one package per API under `connectors/`, in the order the API lists
 * them. The API and the worker load the same list.
 */
export const CATALOG: readonly ConnectorDefinition[] = [
  airtable,
  asana,
  atlassian,
  bitbucket,
  box,
  clickup,
  datadog,
  discord,
  dropbox,
  freshdesk,
  github,
  gitlab,
  google,
  hubspot,
  jamfPro,
  linear,
  mandrill,
  microsoftGraph,
  notion,
  openai,
  pagerDuty,
  pipedrive,
  quickbooks,
  salesforce,
  shopify,
  slack,
  stripe,
  twilio,
  typeform,
  x,
  zendesk
]
