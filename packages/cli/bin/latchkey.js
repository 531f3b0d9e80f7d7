#!/usr/bin/env node
// The `latchkey` command. The code lives in src/ and is compiled to dist/ by `npm run build`
// (which `npm ci` runs through the root `prepare` script).
import { main } from '../dist/main.js'

process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  env: process.env
})
