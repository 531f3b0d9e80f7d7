export { salesforce } from './salesforce.js'
export { salesforce as default } from './salesforce.js'
