export { pagerDuty } from './pagerduty.js'
export { pagerDuty as default } from './pagerduty.js'
