export { woocommerce } from './woocommerce.js'
export { woocommerce as default } from './woocommerce.js'
