export { helpScout } from './help-scout.js'
export { helpScout as default } from './help-scout.js'
