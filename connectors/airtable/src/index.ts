export { airtable } from './airtable.js'
export { airtable as default } from './airtable.js'
