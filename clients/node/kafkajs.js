'use strict';
// @kafkajs/confluent-schema-registry against the registry: node kafkajs.js http://HOST:PORT
// One step per public method of SchemaRegistry and of its REST client (`registry.api`), for Avro, JSON Schema and
// Protobuf, references included (README "Tested clients" lists them).
const { SchemaRegistry, SchemaType, COMPATIBILITY } = require('@kafkajs/confluent-schema-registry');
const {
  assert, registryUrl, unique, schemas, jsonSchemas, protoSchemas, run, rejects, wireId, NAMESPACE,
} = require('./common');

const host = registryUrl();
const subject = unique('kafkajs');
const { v1, v2, bad, address, customer } = schemas('KafkajsUser');
const json = jsonSchemas('KafkajsJson');
const proto = protoSchemas('KafkajsProto');
const avro = (s, references) => ({ type: SchemaType.AVRO, schema: JSON.stringify(s), ...(references ? { references } : {}) });
const fresh = () => new SchemaRegistry({ host, retry: { retries: 0 } }); // no cache: every call goes to the registry
const record = { name: 'Ada', age: 36 };
const state = {};
const scratch = (what) => `${subject}-${what}`;

run('kafkajs', [
  // ------------------------------------------------------------------ SchemaRegistry
  // register() first GETs /config/{subject} (404 → first registration), then PUTs the BACKWARD level.
  ['register (Avro; GET /config/{subject} 40408, then PUT /config/{subject})', async () => {
    state.id1 = (await fresh().register(avro(v1), { subject })).id;
    assert.ok(Number.isInteger(state.id1) && state.id1 > 0, `id ${state.id1}`);
    assert.equal((await fresh().api.Subject.config({ subject })).data().compatibilityLevel, 'BACKWARD');
  }],
  ['register again with the subject level now set → same id', async () => {
    assert.equal((await fresh().register(avro(v1), { subject, compatibility: COMPATIBILITY.BACKWARD })).id, state.id1);
  }],
  ['register refuses a level mismatch before sending (client-side check of GET /config/{subject})', async () => {
    await assert.rejects(fresh().register(avro(v1), { subject, compatibility: COMPATIBILITY.FULL }),
      /Compatibility does not match the configuration \(FULL != BACKWARD\)/);
  }],
  ['register refuses an incompatible schema with 409', async () => {
    await rejects(fresh().register(avro(bad), { subject }), 409);
  }],
  ['register a compatible v2 → new id', async () => {
    state.id2 = (await fresh().register(avro(v2), { subject })).id;
    assert.notEqual(state.id2, state.id1);
  }],
  ['getSchema (Avro)', async () => {
    const type = await fresh().getSchema(state.id1);
    assert.equal(type.name, `${NAMESPACE}.KafkajsUser`);
    assert.deepEqual(type.fields.map((f) => f.name), ['name', 'age']);
  }],
  ['getLatestSchemaId', async () => {
    assert.equal(await fresh().getLatestSchemaId(subject), state.id2);
  }],
  ['getRegistryId (version 1, latest)', async () => {
    assert.equal(await fresh().getRegistryId(subject, 1), state.id1);
    assert.equal(await fresh().getRegistryId(subject, 'latest'), state.id2);
  }],
  ['getRegistryIdBySchema (POST /subjects/{subject})', async () => {
    assert.equal(await fresh().getRegistryIdBySchema(subject, avro(v1)), state.id1);
    await assert.rejects(fresh().getRegistryIdBySchema(subject, avro(bad)), /Schema not found/);
  }],
  ['encode (Avro: magic byte 0 + 4-byte id)', async () => {
    state.encoded = await fresh().encode(state.id1, record);
    assert.equal(wireId(state.encoded), state.id1);
    await assert.rejects(fresh().encode(state.id1, { name: 'no age' }), /invalid "int"/);
  }],
  ['decode (Avro, fetching the writer schema by id)', async () => {
    assert.deepEqual({ ...(await fresh().decode(state.encoded)) }, record);
  }],
  ['decode into a reader schema (Avro v2, default filled in)', async () => {
    const r = fresh();
    const out = await r.decode(state.encoded, { [SchemaType.AVRO]: { readerSchema: await r.getSchema(state.id2) } });
    assert.deepEqual({ ...out }, { ...record, email: '' });
  }],
  ['register, encode, decode with an Avro reference (named type)', async () => {
    const addr = scratch('avro-address');
    await fresh().register(avro(address), { subject: addr });
    const refs = [{ name: `${NAMESPACE}.${address.name}`, subject: addr, version: 1 }];
    const { id } = await fresh().register(avro(customer, refs), { subject: scratch('avro-customer') });
    const value = { name: 'Ada', address: { city: 'London' } };
    const bytes = await fresh().encode(id, value);
    assert.equal(wireId(bytes), id);
    assert.deepEqual(JSON.parse(JSON.stringify(await fresh().decode(bytes))), value);
  }],
  ['getreferencedSchemasFromReference (GET /subjects/{s}/versions/{v} of each reference)', async () => {
    const r = fresh();
    const found = await r.getreferencedSchemasFromReference({ name: `${NAMESPACE}.${address.name}`,
      subject: scratch('avro-address'), version: 1 }, { toConfluentSchema: (d) => ({ type: SchemaType.AVRO, schema: d.schema, references: d.references }) }, new Set());
    assert.equal(found.length, 1);
    assert.deepEqual(JSON.parse(found[0].schema), address);
  }],
  ['register, getSchema, encode, decode (JSON Schema)', async () => {
    const s = scratch('json');
    const { id } = await fresh().register({ type: SchemaType.JSON, schema: JSON.stringify(json.v1) }, { subject: s });
    const validator = await fresh().getSchema(id);
    assert.equal(typeof validator.isValid, 'function');
    const bytes = await fresh().encode(id, record);
    assert.equal(wireId(bytes), id);
    assert.deepEqual(await fresh().decode(bytes), record);
    await assert.rejects(fresh().encode(id, { age: 'x' }), /invalid payload/i);
  }],
  ['register, encode, decode with a JSON Schema reference ($ref)', async () => {
    const addr = scratch('json-address');
    await fresh().register({ type: SchemaType.JSON, schema: JSON.stringify(json.address) }, { subject: addr });
    const references = [{ name: 'address.json', subject: addr, version: 1 }];
    const { id } = await fresh().register({ type: SchemaType.JSON, schema: JSON.stringify(json.customer), references },
      { subject: scratch('json-customer') });
    const value = { name: 'Ada', address: { city: 'London' } };
    assert.deepEqual(await fresh().decode(await fresh().encode(id, value)), value);
    await assert.rejects(fresh().encode(id, { name: 'Ada', address: { city: 7 } }), /invalid payload/i);
  }],
  ['register, getSchema, encode, decode (Protobuf)', async () => {
    const s = scratch('proto');
    const { id } = await fresh().register({ type: SchemaType.PROTOBUF, schema: proto.v1 }, { subject: s });
    assert.ok(await fresh().getSchema(id));
    const bytes = await fresh().encode(id, record);
    assert.equal(wireId(bytes), id);
    assert.deepEqual({ ...(await fresh().decode(bytes)) }, record);
  }],
  ['register, encode, decode with a Protobuf reference (import)', async () => {
    const addr = scratch('proto-address');
    await fresh().register({ type: SchemaType.PROTOBUF, schema: proto.address }, { subject: addr });
    const references = [{ name: proto.addressFile, subject: addr, version: 1 }];
    const { id } = await fresh().register({ type: SchemaType.PROTOBUF, schema: proto.customer, references },
      { subject: scratch('proto-customer') });
    const value = { name: 'Ada', address: { city: 'London' } };
    const r = new SchemaRegistry({ host, retry: { retries: 0 } },
      { [SchemaType.PROTOBUF]: { messageName: 'KafkajsProtoCustomer' } });
    const out = await r.decode(await r.encode(id, value));
    assert.deepEqual(JSON.parse(JSON.stringify(out)), value);
  }],

  // ------------------------------------------------------------------ its REST client, registry.api
  ['api.Schema.find (GET /schemas/ids/{id})', async () => {
    const body = (await fresh().api.Schema.find({ id: state.id1 })).data();
    assert.deepEqual(JSON.parse(body.schema), v1);
  }],
  ['api.Subject.all (GET /subjects)', async () => {
    assert.ok((await fresh().api.Subject.all()).data().includes(subject));
  }],
  ['api.Subject.latestVersion (GET /subjects/{subject}/versions/latest)', async () => {
    const body = (await fresh().api.Subject.latestVersion({ subject })).data();
    assert.equal(body.id, state.id2);
    assert.equal(body.version, 2);
    assert.equal(body.subject, subject);
  }],
  ['api.Subject.version (GET /subjects/{subject}/versions/{version})', async () => {
    const body = (await fresh().api.Subject.version({ subject, version: 1 })).data();
    assert.equal(body.id, state.id1);
    assert.deepEqual(JSON.parse(body.schema), v1);
    await rejects(fresh().api.Subject.version({ subject, version: 9 }), 404);
  }],
  ['api.Subject.registered (POST /subjects/{subject})', async () => {
    const body = (await fresh().api.Subject.registered({ subject, body: { schema: JSON.stringify(v2) } })).data();
    assert.equal(body.id, state.id2);
    assert.equal(body.version, 2);
  }],
  ['api.Subject.config, api.Subject.updateConfig (GET/PUT /config/{subject})', async () => {
    const api = fresh().api;
    assert.equal((await api.Subject.updateConfig({ subject, body: { compatibility: 'FULL' } })).data().compatibility, 'FULL');
    assert.equal((await api.Subject.config({ subject })).data().compatibilityLevel, 'FULL');
  }],
  ['api.Subject.register (POST /subjects/{subject}/versions)', async () => {
    const s = scratch('api-register');
    const body = (await fresh().api.Subject.register({ subject: s, body: { schema: JSON.stringify(v1) } })).data();
    assert.equal(body.id, state.id1, 'the same schema has the same id under another subject');
  }],
  ['api.Subject.compatible (POST /compatibility/subjects/{subject}/versions/{latest|n})', async () => {
    const api = fresh().api;
    const ok = await api.Subject.compatible({ subject, body: { schema: JSON.stringify(v2) } });
    assert.equal(ok.data().is_compatible, true, JSON.stringify(ok.data()));
    const no = await api.Subject.compatible({ subject, version: 1, body: { schema: JSON.stringify(bad) } });
    assert.equal(no.data().is_compatible, false, JSON.stringify(no.data()));
  }],
]);
