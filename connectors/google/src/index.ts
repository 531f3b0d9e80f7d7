export { google } from './google.js'
export { google as default } from './google.js'
