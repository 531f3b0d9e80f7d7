// The API behind the proxies: answers a small JSON document to any request on loopback,
// and `GET /big?mib=N` streams N MiB (for the proxy's memory figure).
import { createServer } from 'node:http'

const body = JSON.stringify({
  id: 42,
  name: 'folder',
  items: Array.from({ length: 10 }, (_, i) => ({ id: i, type: 'file' }))
})
const chunk = Buffer.alloc(64 * 1024, 'x')
createServer((req, res) => {
  req.resume()
  req.on('end', () => {
    const big = /^\/big\?mib=(\d+)$/.exec(req.url ?? '')
    if (big === null) {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body)
      return
    }
    let left = Number(big[1]) * 16
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': left * chunk.length })
    const pump = () => {
      while (left > 0) {
        left -= 1
        if (!res.write(chunk)) return void res.once('drain', pump)
      }
      res.end()
    }
    pump()
  })
}).listen(Number(process.env.PORT), '127.0.0.1')
