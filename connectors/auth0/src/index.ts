export { auth0 } from './auth0.js'
export { auth0 as default } from './auth0.js'
