export { linear } from './linear.js'
export { linear as default } from './linear.js'
