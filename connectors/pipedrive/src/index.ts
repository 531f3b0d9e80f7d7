export { pipedrive } from './pipedrive.js'
export { pipedrive as default } from './pipedrive.js'
