export { confluence } from './confluence.js'
export { confluence as default } from './confluence.js'
