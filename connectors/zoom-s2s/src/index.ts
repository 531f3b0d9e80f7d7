export { zoomS2s } from './zoom-s2s.js'
export { zoomS2s as default } from './zoom-s2s.js'
