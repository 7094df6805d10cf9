'use strict';
// @confluentinc/schemaregistry against the registry: node confluent.js http://HOST:PORT
// One step per public method of SchemaRegistryClient that talks to the registry (README "Tested clients" lists
// them), then the Avro, JSON Schema and Protobuf serializer/deserializer round trips.
const {
  SchemaRegistryClient, SerdeType, Compatibility,
  AvroSerializer, AvroDeserializer, JsonSerializer, JsonDeserializer, ProtobufSerializer, ProtobufDeserializer,
} = require('@confluentinc/schemaregistry');
const { create, createFileRegistry, createMutableRegistry } = require('@bufbuild/protobuf');
const { FileDescriptorProtoSchema } = require('@bufbuild/protobuf/wkt');
const {
  assert, registryUrl, unique, schemas, jsonSchemas, protoSchemas, run, rejects, wireId, NAMESPACE,
} = require('./common');

const url = registryUrl();
const fresh = () => new SchemaRegistryClient({ baseURLs: [url], cacheCapacity: 100, maxRetries: 0 }); // new caches
const topic = unique('confluent-js');
const subject = `${topic}-value`; // TopicNameStrategy
const { v1, v2, bad, address, customer } = schemas('ConfluentJsUser');
const json = jsonSchemas('ConfluentJsJson');
const proto = protoSchemas('ConfluentJsProto');
const avro = (s, more = {}) => ({ schemaType: 'AVRO', schema: JSON.stringify(s), ...more });
const record = { name: 'Grace', age: 45 };
const state = {};

// A subject of its own for each destructive or settings step, so that one step's effect cannot hide another's.
const scratch = (what) => `${topic}-${what}`;

run('confluent-js', [
  // ------------------------------------------------------------------ register / read
  ['register', async () => {
    state.id1 = await fresh().register(subject, avro(v1));
    assert.ok(Number.isInteger(state.id1) && state.id1 > 0, `id ${state.id1}`);
    assert.equal(await fresh().register(subject, avro(v1)), state.id1, 're-registering returns the same id');
  }],
  ['registerFullResponse', async () => {
    const r = await fresh().registerFullResponse(subject, avro(v1));
    assert.equal(r.id, state.id1);
  }],
  ['getBySubjectAndId (subject, and empty subject=)', async () => {
    for (const s of [subject, '']) {
      const got = await fresh().getBySubjectAndId(s, state.id1);
      assert.deepEqual(JSON.parse(got.schema), v1, `subject='${s}'`);
    }
  }],
  ['getId', async () => {
    assert.equal(await fresh().getId(subject, avro(v1)), state.id1);
  }],
  ['getIdFullResponse', async () => {
    const r = await fresh().getIdFullResponse(subject, avro(v1));
    assert.equal(r.id, state.id1);
    assert.equal(r.version, 1);
    assert.equal(r.subject, subject);
    assert.deepEqual(JSON.parse(r.schema), v1);
  }],
  ['getLatestSchemaMetadata', async () => {
    const latest = await fresh().getLatestSchemaMetadata(subject);
    assert.equal(latest.id, state.id1);
    assert.equal(latest.version, 1);
    assert.equal(latest.subject, subject);
    assert.deepEqual(JSON.parse(latest.schema), v1);
  }],
  ['getSchemaMetadata', async () => {
    const m = await fresh().getSchemaMetadata(subject, 1);
    assert.equal(m.id, state.id1);
    assert.equal(m.version, 1);
    assert.deepEqual(JSON.parse(m.schema), v1);
  }],
  ['getAllVersions', async () => {
    assert.deepEqual(await fresh().getAllVersions(subject), [1]);
  }],
  ['getVersion', async () => {
    assert.equal(await fresh().getVersion(subject, avro(v1)), 1);
  }],
  ['getAllSubjects', async () => {
    assert.ok((await fresh().getAllSubjects()).includes(subject));
  }],

  // ------------------------------------------------------------------ compatibility
  ['testSubjectCompatibility (latest)', async () => {
    assert.equal(await fresh().testSubjectCompatibility(subject, avro(v2)), true);
    assert.equal(await fresh().testSubjectCompatibility(subject, avro(bad)), false);
  }],
  ['testCompatibility (version 1)', async () => {
    assert.equal(await fresh().testCompatibility(subject, 1, avro(v2)), true);
    assert.equal(await fresh().testCompatibility(subject, 1, avro(bad)), false);
  }],
  ['register refuses an incompatible schema with 409', async () => {
    await rejects(fresh().register(subject, avro(bad)), 409, 409);
  }],
  ['getCompatibility (none set: 40408), updateCompatibility', async () => {
    await rejects(fresh().getCompatibility(subject), 404, 40408);
    assert.equal(await fresh().updateCompatibility(subject, Compatibility.FULL), 'FULL');
    assert.equal(await fresh().getCompatibility(subject), 'FULL');
  }],
  ['register a compatible v2 (new id, now latest)', async () => {
    state.id2 = await fresh().register(subject, avro(v2));
    assert.notEqual(state.id2, state.id1);
    assert.equal((await fresh().getLatestSchemaMetadata(subject)).id, state.id2);
    assert.deepEqual(await fresh().getAllVersions(subject), [1, 2]);
  }],

  // ------------------------------------------------------------------ configs (subject and global)
  ['getConfig, updateConfig (subject)', async () => {
    const s = scratch('config');
    await fresh().register(s, avro(v1));
    const set = await fresh().updateConfig(s, { compatibility: Compatibility.FORWARD_TRANSITIVE, normalize: true });
    assert.equal(set.compatibility, 'FORWARD_TRANSITIVE');
    const got = await fresh().getConfig(s);
    assert.equal(got.compatibilityLevel, 'FORWARD_TRANSITIVE');
    assert.equal(got.normalize, true);
  }],
  ['getDefaultCompatibility, updateDefaultCompatibility (global; restored)', async () => {
    const before = await fresh().getDefaultCompatibility();
    assert.ok(Object.values(Compatibility).includes(before), `global level ${before}`);
    try {
      assert.equal(await fresh().updateDefaultCompatibility(Compatibility.FULL_TRANSITIVE), 'FULL_TRANSITIVE');
      assert.equal(await fresh().getDefaultCompatibility(), 'FULL_TRANSITIVE');
    } finally {
      await fresh().updateDefaultCompatibility(before);
    }
    assert.equal(await fresh().getDefaultCompatibility(), before);
  }],
  ['getDefaultConfig, updateDefaultConfig (global; restored)', async () => {
    const before = await fresh().getDefaultConfig();
    assert.ok(Object.values(Compatibility).includes(before.compatibilityLevel), JSON.stringify(before));
    try {
      const set = await fresh().updateDefaultConfig({ compatibility: Compatibility.NONE });
      assert.equal(set.compatibility, 'NONE');
      assert.equal((await fresh().getDefaultConfig()).compatibilityLevel, 'NONE');
    } finally {
      await fresh().updateDefaultConfig({ compatibility: before.compatibilityLevel });
    }
    assert.equal((await fresh().getDefaultConfig()).compatibilityLevel, before.compatibilityLevel);
  }],

  // ------------------------------------------------------------------ deletes
  ['deleteSubjectVersion (soft, then permanent)', async () => {
    const s = scratch('delete-version');
    await fresh().register(s, avro(v1));
    await fresh().register(s, avro(v2));
    assert.equal(await fresh().deleteSubjectVersion(s, 2), 2);
    assert.deepEqual(await fresh().getAllVersions(s), [1]);
    await rejects(fresh().getSchemaMetadata(s, 2), 404, 40402);
    assert.equal((await fresh().getSchemaMetadata(s, 2, true)).version, 2, 'getSchemaMetadata(deleted=true)');
    assert.equal(await fresh().getVersion(s, avro(v2), false, true), 2, 'getVersion(deleted=true)');
    assert.equal(await fresh().deleteSubjectVersion(s, 2, true), 2);
    await rejects(fresh().getSchemaMetadata(s, 2, true), 404, 40402);
  }],
  ['deleteSubject (soft, then permanent)', async () => {
    const s = scratch('delete-subject');
    await fresh().register(s, avro(v1));
    await fresh().register(s, avro(v2));
    assert.deepEqual(await fresh().deleteSubject(s), [1, 2]);
    assert.ok(!(await fresh().getAllSubjects()).includes(s));
    await rejects(fresh().getAllVersions(s), 404, 40401);
    assert.deepEqual(await fresh().deleteSubject(s, true), [1, 2]);
    await rejects(fresh().getSchemaMetadata(s, 1, true), 404, 40401);
  }],

  // ------------------------------------------------------------------ references, metadata and rule sets
  ['register with references (Avro named type), read back by id', async () => {
    const addr = scratch('avro-address');
    await fresh().register(addr, avro(address));
    const refs = [{ name: `${NAMESPACE}.${address.name}`, subject: addr, version: 1 }];
    const id = await fresh().register(scratch('avro-customer'), avro(customer, { references: refs }));
    const got = await fresh().getBySubjectAndId(scratch('avro-customer'), id);
    // Stored as Avro prints it (Confluent's canonical string): a type in the record's own namespace by short name.
    const addressType = JSON.parse(got.schema).fields.find((f) => f.name === 'address').type;
    assert.equal(addressType, address.name);
    assert.deepEqual(got.references, refs);
    await rejects(fresh().deleteSubjectVersion(addr, 1), 422, 42206);
  }],
  ['register with metadata and ruleSet, getLatestSchemaMetadata returns them', async () => {
    const s = scratch('contract');
    const metadata = { properties: { owner: 'team-a', 'app.version': '1' } };
    const ruleSet = { domainRules: [{ name: 'nameNotEmpty', kind: 'CONDITION', mode: 'WRITE', type: 'CEL',
      expr: "message.name != ''" }] };
    state.contractId = await fresh().register(s, avro(v1, { metadata, ruleSet }));
    const latest = await fresh().getLatestSchemaMetadata(s);
    assert.equal(latest.id, state.contractId);
    assert.deepEqual(latest.metadata.properties, metadata.properties);
    assert.deepEqual(latest.ruleSet.domainRules.map((r) => [r.name, r.expr]), [['nameNotEmpty', "message.name != ''"]]);
  }],
  ['getLatestWithMetadata', async () => {
    const s = scratch('contract');
    await fresh().register(s, avro(v2, { metadata: { properties: { owner: 'team-b' } } }));
    const a = await fresh().getLatestWithMetadata(s, { owner: 'team-a' });
    assert.equal(a.version, 1);
    assert.equal(a.id, state.contractId);
    const b = await fresh().getLatestWithMetadata(s, { owner: 'team-b' });
    assert.equal(b.version, 2);
    await rejects(fresh().getLatestWithMetadata(s, { owner: 'nobody' }), 404, 40403);
  }],

  // ------------------------------------------------------------------ Confluent Cloud only (not in Confluent Platform)
  ['getByGuid (Confluent 8 /schemas/guids: not served, 404)', async () => {
    await rejects(fresh().getByGuid('00000000-0000-0000-0000-000000000000'), 404);
  }],
  ['getAssociationsByResourceName, createAssociation, deleteAssociations (Confluent Cloud: not served, 404)', async () => {
    const c = fresh();
    await rejects(c.getAssociationsByResourceName(topic, 'lkc-1', 'topic', ['value'], null, 0, -1), 404);
    await rejects(c.createAssociation({ resourceName: topic, resourceNamespace: 'lkc-1', resourceType: 'topic',
      associations: [{ subject, associationType: 'value' }] }), 404);
    await rejects(c.deleteAssociations('resource-id', 'topic', ['value'], false), 404);
  }],

  // ------------------------------------------------------------------ local only: no request
  ['config, clearLatestCaches, clearCaches, close (client-side only)', async () => {
    const c = fresh();
    assert.deepEqual(c.config().baseURLs, [url]);
    await c.getLatestSchemaMetadata(subject);
    c.clearLatestCaches();
    c.clearCaches();
    assert.equal((await c.getLatestSchemaMetadata(subject)).id, state.id2, 'reads again after clearing');
    await c.close();
  }],

  // ------------------------------------------------------------------ serde: Avro
  ['AvroSerializer (useLatestVersion) + AvroDeserializer', async () => {
    const ser = new AvroSerializer(fresh(), SerdeType.VALUE, { autoRegisterSchemas: false, useLatestVersion: true });
    state.avroBytes = await ser.serialize(topic, { ...record, email: 'g@h.io' });
    assert.equal(wireId(state.avroBytes), state.id2);
    const de = new AvroDeserializer(fresh(), SerdeType.VALUE, {});
    assert.deepEqual({ ...(await de.deserialize(topic, state.avroBytes)) }, { ...record, email: 'g@h.io' });
  }],
  ['AvroSerializer (autoRegisterSchemas) on another topic + AvroDeserializer', async () => {
    const other = unique('confluent-js-auto');
    const out = await new AvroSerializer(fresh(), SerdeType.VALUE, { autoRegisterSchemas: true }).serialize(other, record);
    assert.equal((await fresh().getLatestSchemaMetadata(`${other}-value`)).id, wireId(out));
    assert.deepEqual({ ...(await new AvroDeserializer(fresh(), SerdeType.VALUE, {}).deserialize(other, out)) }, record);
  }],
  // The deserializer asks GET /schemas/ids/{id}?subject=<its topic>-value. Confluent answers with the schema even
  // when that subject never registered it (e.g. the producer used RecordNameStrategy, or the data was copied).
  ['AvroDeserializer reads a message whose schema another subject registered', async () => {
    const de = new AvroDeserializer(fresh(), SerdeType.VALUE, {});
    assert.deepEqual({ ...(await de.deserialize(unique('elsewhere'), state.avroBytes)) }, { ...record, email: 'g@h.io' });
  }],

  // ------------------------------------------------------------------ serde: JSON Schema
  ['JsonSerializer (useLatestVersion, validate) + JsonDeserializer', async () => {
    const t = `${topic}-json`;
    const id = await fresh().register(`${t}-value`, { schemaType: 'JSON', schema: JSON.stringify(json.v1) });
    const ser = new JsonSerializer(fresh(), SerdeType.VALUE, { useLatestVersion: true, validate: true });
    const bytes = await ser.serialize(t, record);
    assert.equal(wireId(bytes), id);
    await assert.rejects(ser.serialize(t, { age: 'not a number' }), /Invalid message/);
    const de = new JsonDeserializer(fresh(), SerdeType.VALUE, { validate: true });
    assert.deepEqual(await de.deserialize(t, bytes), record);
  }],
  ['register JSON Schema with a $ref reference, read back', async () => {
    const addr = scratch('json-address');
    await fresh().register(addr, { schemaType: 'JSON', schema: JSON.stringify(json.address) });
    const refs = [{ name: 'address.json', subject: addr, version: 1 }];
    const s = scratch('json-customer');
    const id = await fresh().register(s, { schemaType: 'JSON', schema: JSON.stringify(json.customer), references: refs });
    const got = await fresh().getBySubjectAndId(s, id);
    assert.equal(got.schemaType, 'JSON');
    assert.deepEqual(got.references, refs);
    assert.deepEqual(JSON.parse(got.schema), json.customer);
  }],

  // ------------------------------------------------------------------ serde: Protobuf
  ['ProtobufSerializer (useLatestVersion) + ProtobufDeserializer, with an imported file', async () => {
    // Registered as .proto text; the serializer and deserializer then read it with format=serialized (base64).
    const t = `${topic}-proto`;
    const addr = scratch('proto-serde-address');
    await fresh().register(addr, { schemaType: 'PROTOBUF', schema: proto.address });
    const refs = [{ name: proto.addressFile, subject: addr, version: 1 }];
    const id = await fresh().register(`${t}-value`, { schemaType: 'PROTOBUF', schema: proto.customer, references: refs });
    const customerDesc = protoDescriptors().getMessage(`${NAMESPACE}.ConfluentJsProtoCustomer`);
    const ser = new ProtobufSerializer(fresh(), SerdeType.VALUE,
      { autoRegisterSchemas: false, useLatestVersion: true, registry: createMutableRegistry(customerDesc) });
    const bytes = await ser.serialize(t, create(customerDesc, { name: 'Ada', address: { city: 'London' } }));
    assert.equal(wireId(bytes), id);
    const out = await new ProtobufDeserializer(fresh(), SerdeType.VALUE, {}).deserialize(t, bytes);
    assert.equal(out.$typeName, `${NAMESPACE}.ConfluentJsProtoCustomer`);
    assert.equal(out.name, 'Ada');
    assert.equal(out.address.city, 'London');
  }],
  ['ProtobufSerializer (autoRegisterSchemas: registers base64 FileDescriptorProtos)', async () => {
    const t = `${topic}-proto-auto`;
    const customerDesc = protoDescriptors().getMessage(`${NAMESPACE}.ConfluentJsProtoCustomer`);
    const ser = new ProtobufSerializer(fresh(), SerdeType.VALUE,
      { autoRegisterSchemas: true, registry: createMutableRegistry(customerDesc) });
    const bytes = await ser.serialize(t, create(customerDesc, { name: 'Ada', address: { city: 'London' } }));
    const latest = await fresh().getLatestSchemaMetadata(`${t}-value`);
    assert.equal(wireId(bytes), latest.id);
    assert.deepEqual(latest.references.map((r) => [r.name, r.subject, r.version]),
      [[proto.addressFile, proto.addressFile, 1]]);
    assert.match(latest.schema, /message ConfluentJsProtoCustomer/, 'stored as .proto text');
    const out = await new ProtobufDeserializer(fresh(), SerdeType.VALUE, {}).deserialize(t, bytes);
    assert.equal(out.address.city, 'London');
  }],
  ['register Protobuf text with an import reference, read back', async () => {
    const addr = scratch('proto-address');
    await fresh().register(addr, { schemaType: 'PROTOBUF', schema: proto.address });
    const refs = [{ name: proto.addressFile, subject: addr, version: 1 }];
    const s = scratch('proto-customer');
    const id = await fresh().register(s, { schemaType: 'PROTOBUF', schema: proto.customer, references: refs });
    const got = await fresh().getBySubjectAndId(s, id);
    assert.equal(got.schemaType, 'PROTOBUF');
    assert.deepEqual(got.references, refs);
    assert.match(got.schema, /import "ConfluentJsProto_address.proto"/);
    assert.equal(await fresh().getVersion(s, { schemaType: 'PROTOBUF', schema: proto.customer, references: refs }), 1);
  }],
]);

// The Protobuf files as the serializer sees generated code: ConfluentJsProto_address.proto and a file importing it.
function protoDescriptors() {
  const field = (name, number, type, typeName) => ({ name, number, label: 1, type, jsonName: name, ...(typeName ? { typeName } : {}) });
  const STRING = 9;
  const MESSAGE = 11;
  const addressFile = create(FileDescriptorProtoSchema, {
    name: proto.addressFile, package: NAMESPACE, syntax: 'proto3',
    messageType: [{ name: 'ConfluentJsProtoAddress', field: [field('city', 1, STRING)] }],
  });
  const customerFile = create(FileDescriptorProtoSchema, {
    name: 'ConfluentJsProto_customer.proto', package: NAMESPACE, syntax: 'proto3', dependency: [proto.addressFile],
    messageType: [{ name: 'ConfluentJsProtoCustomer', field: [field('name', 1, STRING),
      field('address', 2, MESSAGE, `.${NAMESPACE}.ConfluentJsProtoAddress`)] }],
  });
  return createFileRegistry(customerFile, (name) => (name === proto.addressFile ? addressFile : undefined));
}
