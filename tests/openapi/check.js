// Independent checks of the OpenAPI export (issue 16), run by tst_openapi_validate.sh with node_modules from
// build/npm. Usage: node check.js [--prism FILE] FILE...
//   every FILE must pass @apidevtools/swagger-parser validation (schema and semantics);
//   --prism FILE: Prism must start a mock server from FILE on a loopback port (chosen by the OS) and answer
//   auth.getToken, sent with the document's own header and body examples, with the documented envelope; the
//   same call without its required body field must be refused (Prism checks the request against the schemas).
'use strict';
const SwaggerParser = require('@apidevtools/swagger-parser');
const { spawn } = require('child_process');
const http = require('http');
const path = require('path');

function fail(message) {
  console.error('FAIL: ' + message);
  process.exit(1);
}

function post(port, urlPath, headers, body) {
  return new Promise((resolve, reject) => {
    const data = Buffer.from(JSON.stringify(body));
    const req = http.request({ host: '127.0.0.1', port, path: urlPath, method: 'POST',
      headers: Object.assign({ 'Content-Type': 'application/json', 'Content-Length': data.length }, headers) },
    res => {
      let text = '';
      res.on('data', c => { text += c; });
      res.on('end', () => resolve({ status: res.statusCode, text }));
    });
    req.on('error', reject);
    req.end(data);
  });
}

async function prism(file) {
  const api = await SwaggerParser.dereference(file);
  const op = api.paths['/auth/getToken'].post;
  const headers = {};
  for (const p of op.parameters || []) {
    if (p.in === 'header' && p.example !== undefined) headers[p.name] = String(p.example);
  }
  const body = op.requestBody.content['application/json'].example;
  const bin = path.join(process.cwd(), 'node_modules', '.bin', 'prism');
  const child = spawn(bin, ['mock', '-h', '127.0.0.1', '-p', '0', file], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const timer = setTimeout(() => { child.kill('SIGKILL'); fail('Prism did not start within 60 s:\n' + output); }, 60000);
  try {
    const port = await new Promise((resolve, reject) => {
      const scan = chunk => {
        output += chunk;
        const m = output.match(/Prism is listening on http:\/\/127\.0\.0\.1:(\d+)/);
        if (m) resolve(Number(m[1]));
      };
      child.stdout.on('data', scan);
      child.stderr.on('data', scan);
      child.on('exit', code => reject(new Error('Prism exited with ' + code + ':\n' + output)));
    });
    const ok = await post(port, '/auth/getToken', headers, body);
    if (ok.status !== 200) fail('Prism answered ' + ok.status + ' to the documented example: ' + ok.text);
    const envelope = JSON.parse(ok.text);
    if (envelope.code !== 'D00000' || !envelope.content || !envelope.content.accessToken)
      fail('Prism did not answer the documented envelope: ' + ok.text);
    const bad = Object.assign({}, body);
    delete bad.code;
    const refused = await post(port, '/auth/getToken', headers, bad);
    if (refused.status < 400) fail('Prism accepted a body without its required field: ' + refused.status);
    console.log('prism: ' + file + ' served on port ' + port + ': 200 D00000, ' + refused.status + ' without code');
  } finally {
    clearTimeout(timer);
    child.kill('SIGTERM');
  }
}

(async () => {
  const args = process.argv.slice(2);
  let prismFile = null;
  const files = [];
  for (let i = 0; i < args.length; ++i) {
    if (args[i] === '--prism') prismFile = args[++i];
    else files.push(args[i]);
  }
  for (const file of files) {
    try {
      const api = await SwaggerParser.validate(file);
      let count = 0;
      for (const item of Object.values(api.paths)) count += ['get', 'post'].filter(m => item[m]).length;
      console.log('valid: ' + file + ' (' + api.openapi + ', ' + count + ' operations)');
    } catch (e) {
      fail(file + ': ' + e.message);
    }
  }
  if (prismFile) await prism(prismFile);
})().catch(e => fail(e.stack || String(e)));
