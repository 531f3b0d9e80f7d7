export { mandrill } from './mandrill.js'
export { mandrill as default } from './mandrill.js'
