export { aws } from './aws.js'
export { aws as default } from './aws.js'
