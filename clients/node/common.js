'use strict';
// Shared by the client checks: the registry URL argument, unique names, assertions that fail loudly.
const assert = require('node:assert/strict');

function registryUrl() {
  const url = process.argv[2];
  if (!url || !/^https?:\/\//.test(url)) {
    console.error(`usage: node ${require('node:path').basename(process.argv[1])} http://HOST:PORT`);
    process.exit(2);
  }
  return url.replace(/\/+$/, '');
}

function unique(prefix) {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

// v1, a backward-compatible v2 (new field with a default) and a backward-incompatible v2 (new field without one).
function schemas(name) {
  const v1 = { type: 'record', name, namespace: 'io.registry.clients', fields: [
    { name: 'name', type: 'string' }, { name: 'age', type: 'int' }] };
  const v2 = { ...v1, fields: [...v1.fields, { name: 'email', type: 'string', default: '' }] };
  const bad = { ...v1, fields: [...v1.fields, { name: 'email', type: 'string' }] };
  return { v1, v2, bad };
}

// Runs the named steps in order; the first failure exits non-zero naming the step.
async function run(client, steps) {
  for (const [name, step] of steps) {
    try {
      await step();
      console.log(`ok   ${client}: ${name}`);
    } catch (e) {
      console.error(`FAIL ${client}: ${name}: ${e && e.stack ? e.stack : e}`);
      process.exit(1);
    }
  }
  console.log(`${client}: all ${steps.length} checks passed`);
}

function wireId(buf) {
  assert.ok(Buffer.isBuffer(buf), 'serializer did not return a Buffer');
  assert.equal(buf[0], 0, `magic byte is ${buf[0]}, expected 0`);
  return buf.readInt32BE(1);
}

module.exports = { assert, registryUrl, unique, schemas, run, wireId };
