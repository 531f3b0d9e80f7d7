export { gusto } from './gusto.js'
export { gusto as default } from './gusto.js'
