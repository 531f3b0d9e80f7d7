export { stripe } from './stripe.js'
export { stripe as default } from './stripe.js'
