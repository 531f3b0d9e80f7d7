export { reddit } from './reddit.js'
export { reddit as default } from './reddit.js'
