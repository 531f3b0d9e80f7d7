export { figma } from './figma.js'
export { figma as default } from './figma.js'
