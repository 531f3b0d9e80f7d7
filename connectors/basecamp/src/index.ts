export { basecamp } from './basecamp.js'
export { basecamp as default } from './basecamp.js'
