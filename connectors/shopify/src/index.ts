export { shopify } from './shopify.js'
export { shopify as default } from './shopify.js'
