export { datadog } from './datadog.js'
export { datadog as default } from './datadog.js'
