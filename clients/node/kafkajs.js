'use strict';
// @kafkajs/confluent-schema-registry against the registry: node kafkajs.js http://HOST:PORT
const { SchemaRegistry, SchemaType, COMPATIBILITY } = require('@kafkajs/confluent-schema-registry');
const { assert, registryUrl, unique, schemas, run, wireId } = require('./common');

const host = registryUrl();
const subject = unique('kafkajs');
const { v1, v2, bad } = schemas('KafkajsUser');
const avro = (s) => ({ type: SchemaType.AVRO, schema: JSON.stringify(s) });
const fresh = () => new SchemaRegistry({ host, retry: { retries: 0 } }); // no cache: every call goes to the registry
const registry = fresh();
const record = { name: 'Ada', age: 36 };
let id1, id2, encoded;

run('kafkajs', [
  // register() first GETs /config/{subject} (404 → first registration), then PUTs the BACKWARD level.
  ['register v1 (GET /config/{subject} 40408, PUT /config/{subject})', async () => {
    id1 = (await registry.register(avro(v1), { subject })).id;
    assert.ok(Number.isInteger(id1) && id1 > 0, `id ${id1}`);
  }],
  ['subject level now BACKWARD, register v1 again → same id', async () => {
    assert.equal((await fresh().register(avro(v1), { subject, compatibility: COMPATIBILITY.BACKWARD })).id, id1);
  }],
  ['fetch by id', async () => {
    const type = await fresh().getSchema(id1);
    assert.equal(type.name, 'io.registry.clients.KafkajsUser');
    assert.deepEqual(type.fields.map((f) => f.name), ['name', 'age']);
  }],
  ['latest id, version 1 id, id by schema (POST /subjects/{subject})', async () => {
    const r = fresh();
    assert.equal(await r.getLatestSchemaId(subject), id1);
    assert.equal(await r.getRegistryId(subject, 1), id1);
    assert.equal(await r.getRegistryIdBySchema(subject, avro(v1)), id1);
  }],
  ['compatibility check (its API client: POST /compatibility/subjects/{subject}/versions/latest)', async () => {
    const api = fresh().api;
    const ok = await api.Subject.compatible({ subject, body: { schema: JSON.stringify(v2) } });
    assert.equal(ok.data().is_compatible, true, JSON.stringify(ok.data()));
    const no = await api.Subject.compatible({ subject, body: { schema: JSON.stringify(bad) } });
    assert.equal(no.data().is_compatible, false, JSON.stringify(no.data()));
  }],
  ['incompatible registration is refused with 409', async () => {
    await assert.rejects(fresh().register(avro(bad), { subject }), (e) => {
      assert.equal(e.status, 409, `status ${e.status}: ${e.message}`);
      return true;
    });
  }],
  ['register compatible v2 → new id, now latest', async () => {
    id2 = (await fresh().register(avro(v2), { subject })).id;
    assert.notEqual(id2, id1);
    assert.equal(await fresh().getLatestSchemaId(subject), id2);
  }],
  ['encode with v1 (magic byte 0 + 4-byte id)', async () => {
    encoded = await fresh().encode(id1, record);
    assert.equal(wireId(encoded), id1);
  }],
  ['decode with a fresh client (fetches the writer schema by id)', async () => {
    assert.deepEqual({ ...(await fresh().decode(encoded)) }, record);
  }],
  ['decode into the v2 reader schema (default filled in)', async () => {
    const r = fresh();
    const out = await r.decode(encoded, { [SchemaType.AVRO]: { readerSchema: await r.getSchema(id2) } });
    assert.deepEqual({ ...out }, { ...record, email: '' });
  }],
]);
