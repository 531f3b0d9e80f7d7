export { quickbooks } from './quickbooks.js'
export { quickbooks as default } from './quickbooks.js'
