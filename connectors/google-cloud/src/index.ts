export { googleCloud } from './google-cloud.js'
export { googleCloud as default } from './google-cloud.js'
