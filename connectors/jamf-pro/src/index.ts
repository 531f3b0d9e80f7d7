export { jamfPro } from './jamf-pro.js'
export { jamfPro as default } from './jamf-pro.js'
