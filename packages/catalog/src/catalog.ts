import { airtable } from '@latchkey/connector-airtable'
import { asana } from '@latchkey/connector-asana'
import { atlassian } from '@latchkey/connector-atlassian'
import { attio } from '@latchkey/connector-attio'
import { auth0 } from '@latchkey/connector-auth0'
import { aws } from '@latchkey/connector-aws'
import { bamboohr } from '@latchkey/connector-bamboohr'
import { basecamp } from '@latchkey/connector-basecamp'
import { bigcommerce } from '@latchkey/connector-bigcommerce'
import { bitbucket } from '@latchkey/connector-bitbucket'
import { box } from '@latchkey/connector-box'
import { calendly } from '@latchkey/connector-calendly'
import { clickup } from '@latchkey/connector-clickup'
import { close } from '@latchkey/connector-close'
import { confluence } from '@latchkey/connector-confluence'
import { copper } from '@latchkey/connector-copper'
import { datadog } from '@latchkey/connector-datadog'
import { discord } from '@latchkey/connector-discord'
import { dropbox } from '@latchkey/connector-dropbox'
import { figma } from '@latchkey/connector-figma'
import { freshdesk } from '@latchkey/connector-freshdesk'
import { front } from '@latchkey/connector-front'
import { github } from '@latchkey/connector-github'
import { gitlab } from '@latchkey/connector-gitlab'
import { google } from '@latchkey/connector-google'
import { googleCloud } from '@latchkey/connector-google-cloud'
import { gusto } from '@latchkey/connector-gusto'
import { helpScout } from '@latchkey/connector-help-scout'
import { hubspot } from '@latchkey/connector-hubspot'
import { intercom } from '@latchkey/connector-intercom'
import { jamfPro } from '@latchkey/connector-jamf-pro'
import { klaviyo } from '@latchkey/connector-klaviyo'
import { linear } from '@latchkey/connector-linear'
import { mailgun } from '@latchkey/connector-mailgun'
import { mandrill } from '@latchkey/connector-mandrill'
import { microsoftGraph } from '@latchkey/connector-microsoft-graph'
import { monday } from '@latchkey/connector-monday'
import { notion } from '@latchkey/connector-notion'
import { okta } from '@latchkey/connector-okta'
import { openai } from '@latchkey/connector-openai'
import { pagerDuty } from '@latchkey/connector-pagerduty'
import { pipedrive } from '@latchkey/connector-pipedrive'
import { postmark } from '@latchkey/connector-postmark'
import { quickbooks } from '@latchkey/connector-quickbooks'
import { reddit } from '@latchkey/connector-reddit'
import { salesforce } from '@latchkey/connector-salesforce'
import { sendgrid } from '@latchkey/connector-sendgrid'
import { sentry } from '@latchkey/connector-sentry'
import { shopify } from '@latchkey/connector-shopify'
import { slack } from '@latchkey/connector-slack'
import { smartsheet } from '@latchkey/connector-smartsheet'
import { square } from '@latchkey/connector-square'
import { stripe } from '@latchkey/connector-stripe'
import { trello } from '@latchkey/connector-trello'
import { twilio } from '@latchkey/connector-twilio'
import { typeform } from '@latchkey/connector-typeform'
import { vercel } from '@latchkey/connector-vercel'
import { webex } from '@latchkey/connector-webex'
import { woocommerce } from '@latchkey/connector-woocommerce'
import { x } from '@latchkey/connector-x'
import { xero } from '@latchkey/connector-xero'
import { zendesk } from '@latchkey/connector-zendesk'
import { zohoCrm } from '@latchkey/connector-zoho-crm'
import { zoom } from '@latchkey/connector-zoom'
import { zoomS2s } from '@latchkey/connector-zoom-s2s'
import type { ConnectorDefinition } from '@latchkey/connector-sdk'

/**
 * The built-in connectors: one package per API under `connectors/`, in the order the API lists
 * them. The API and the worker load the same list.
 */
export const CATALOG: readonly ConnectorDefinition[] = [
  airtable,
  asana,
  atlassian,
  attio,
  auth0,
  aws,
  bamboohr,
  basecamp,
  bigcommerce,
  bitbucket,
  box,
  calendly,
  clickup,
  close,
  confluence,
  copper,
  datadog,
  discord,
  dropbox,
  figma,
  freshdesk,
  front,
  github,
  gitlab,
  google,
  googleCloud,
  gusto,
  helpScout,
  hubspot,
  intercom,
  jamfPro,
  klaviyo,
  linear,
  mailgun,
  mandrill,
  microsoftGraph,
  monday,
  notion,
  okta,
  openai,
  pagerDuty,
  pipedrive,
  postmark,
  quickbooks,
  reddit,
  salesforce,
  sendgrid,
  sentry,
  shopify,
  slack,
  smartsheet,
  square,
  stripe,
  trello,
  twilio,
  typeform,
  vercel,
  webex,
  woocommerce,
  x,
  xero,
  zendesk,
  zohoCrm,
  zoom,
  zoomS2s
]
