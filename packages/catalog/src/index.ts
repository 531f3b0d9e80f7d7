export { CATALOG } from './catalog.js'
