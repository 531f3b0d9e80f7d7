export { bigcommerce } from './bigcommerce.js'
export { bigcommerce as default } from './bigcommerce.js'
