export { postmark } from './postmark.js'
export { postmark as default } from './postmark.js'
