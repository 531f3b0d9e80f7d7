export { microsoftGraph } from './microsoft-graph.js'
export { microsoftGraph as default } from './microsoft-graph.js'
