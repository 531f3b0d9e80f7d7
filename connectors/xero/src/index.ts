export { xero } from './xero.js'
export { xero as default } from './xero.js'
