export { smartsheet } from './smartsheet.js'
export { smartsheet as default } from './smartsheet.js'
