'use strict';
// @confluentinc/schemaregistry against the registry: node confluent.js http://HOST:PORT
const {
  SchemaRegistryClient, AvroSerializer, AvroDeserializer, SerdeType,
} = require('@confluentinc/schemaregistry');
const { assert, registryUrl, unique, schemas, run, wireId } = require('./common');

const url = registryUrl();
const fresh = () => new SchemaRegistryClient({ baseURLs: [url], cacheCapacity: 100 }); // new caches every time
const topic = unique('confluent-js');
const subject = `${topic}-value`; // TopicNameStrategy
const { v1, v2, bad } = schemas('ConfluentJsUser');
const info = (s) => ({ schemaType: 'AVRO', schema: JSON.stringify(s) });
const record = { name: 'Grace', age: 45 };
let id1, id2, bytes;

run('confluent-js', [
  ['register v1', async () => {
    id1 = await fresh().register(subject, info(v1));
    assert.ok(Number.isInteger(id1) && id1 > 0, `id ${id1}`);
    assert.equal(await fresh().register(subject, info(v1)), id1, 're-registering returns the same id');
  }],
  ['fetch by id (with the subject, and with an empty subject=)', async () => {
    for (const s of [subject, '']) {
      const got = await fresh().getBySubjectAndId(s, id1);
      assert.deepEqual(JSON.parse(got.schema), v1, `subject='${s}'`);
    }
  }],
  ['latest, version 1, lookup by schema, versions, subjects', async () => {
    const c = fresh();
    const latest = await c.getLatestSchemaMetadata(subject);
    assert.equal(latest.id, id1);
    assert.equal(latest.version, 1);
    assert.deepEqual(JSON.parse(latest.schema), v1);
    assert.equal((await c.getSchemaMetadata(subject, 1)).id, id1);
    assert.equal(await c.getId(subject, info(v1)), id1);
    assert.equal(await c.getVersion(subject, info(v1)), 1);
    assert.deepEqual(await c.getAllVersions(subject), [1]);
    assert.ok((await c.getAllSubjects()).includes(subject));
  }],
  ['compatibility checks (latest and version 1)', async () => {
    const c = fresh();
    assert.equal(await c.testSubjectCompatibility(subject, info(v2)), true);
    assert.equal(await c.testSubjectCompatibility(subject, info(bad)), false);
    assert.equal(await c.testCompatibility(subject, 1, info(v2)), true);
    assert.equal(await c.testCompatibility(subject, 1, info(bad)), false);
  }],
  ['incompatible registration is refused with 409', async () => {
    await assert.rejects(fresh().register(subject, info(bad)), (e) => {
      assert.equal(e.status, 409, `status ${e.status}: ${e.message}`);
      return true;
    });
  }],
  ['subject compatibility level: 40408 until set, then FULL', async () => {
    const c = fresh();
    await assert.rejects(c.getCompatibility(subject), (e) => e.status === 404);
    assert.equal(await c.updateCompatibility(subject, 'FULL'), 'FULL');
    assert.equal(await fresh().getCompatibility(subject), 'FULL');
  }],
  ['register compatible v2 → new id, now latest', async () => {
    id2 = await fresh().register(subject, info(v2));
    assert.notEqual(id2, id1);
    assert.equal((await fresh().getLatestSchemaMetadata(subject)).id, id2);
  }],
  ['AvroSerializer (use.latest.version) writes magic byte 0 + the latest id', async () => {
    const ser = new AvroSerializer(fresh(), SerdeType.VALUE, { autoRegisterSchemas: false, useLatestVersion: true });
    bytes = await ser.serialize(topic, { ...record, email: 'g@h.io' });
    assert.equal(wireId(bytes), id2);
  }],
  ['AvroDeserializer with a fresh client reads it back', async () => {
    const de = new AvroDeserializer(fresh(), SerdeType.VALUE, {});
    assert.deepEqual({ ...(await de.deserialize(topic, bytes)) }, { ...record, email: 'g@h.io' });
  }],
  ['AvroSerializer (auto.register.schemas) on another topic, read back from its topic', async () => {
    const other = unique('confluent-js-auto');
    const ser = new AvroSerializer(fresh(), SerdeType.VALUE, { autoRegisterSchemas: true });
    const out = await ser.serialize(other, record); // schema derived from the message, registered as other-value
    const id = wireId(out);
    assert.equal((await fresh().getLatestSchemaMetadata(`${other}-value`)).id, id);
    assert.deepEqual({ ...(await new AvroDeserializer(fresh(), SerdeType.VALUE, {}).deserialize(other, out)) }, record);
  }],
  // The deserializer asks GET /schemas/ids/{id}?subject=<its topic>-value. Confluent answers with the schema even
  // when that subject never registered it (e.g. the producer used RecordNameStrategy, or the data was copied).
  ['AvroDeserializer reads a message whose schema another subject registered', async () => {
    const elsewhere = unique('confluent-js-elsewhere');
    const de = new AvroDeserializer(fresh(), SerdeType.VALUE, {});
    assert.deepEqual({ ...(await de.deserialize(elsewhere, bytes)) }, { ...record, email: 'g@h.io' });
  }],
]);
