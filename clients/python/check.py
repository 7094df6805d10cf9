#!/usr/bin/python3
"""Confluent's Python client (Debian's python3-confluent-kafka 1.7) against the registry.

    /usr/bin/python3 clients/python/check.py http://HOST:PORT

confluent_kafka.schema_registry.SchemaRegistryClient: register, fetch by id, latest, lookup, compatibility.
Its AvroSerializer/AvroDeserializer need fastavro, which Debian does not package: when fastavro is importable they
are checked too; otherwise the serde round trip uses the same package's confluent_kafka.avro.MessageSerializer
(with Apache Avro, python3-avro), which also writes and reads magic byte 0 + the 4-byte id through the registry.
Exits non-zero, naming the failed step, on any mismatch.
"""
import json
import random
import string
import struct
import sys
import time
import traceback

try:
    import confluent_kafka
    from confluent_kafka.schema_registry import Schema, SchemaRegistryClient
    from confluent_kafka.schema_registry.error import SchemaRegistryError
except ImportError as e:
    sys.exit("FAIL python: confluent_kafka.schema_registry not importable (%s); "
             "install: apt-get install -y python3-confluent-kafka python3-requests python3-avro" % e)

try:
    from confluent_kafka.schema_registry.avro import AvroDeserializer, AvroSerializer
    from confluent_kafka.serialization import MessageField, SerializationContext
    HAS_FASTAVRO = True
except ImportError:
    HAS_FASTAVRO = False


def unique(prefix):
    return "%s-%d-%s" % (prefix, int(time.time() * 1000), "".join(random.choices(string.ascii_lowercase, k=6)))


def schemas(name):
    v1 = {"type": "record", "name": name, "namespace": "io.registry.clients",
          "fields": [{"name": "name", "type": "string"}, {"name": "age", "type": "int"}]}
    v2 = dict(v1, fields=v1["fields"] + [{"name": "email", "type": "string", "default": ""}])
    bad = dict(v1, fields=v1["fields"] + [{"name": "email", "type": "string"}])
    return v1, v2, bad


def expect(cond, what):
    if not cond:
        raise AssertionError(what)


def wire_id(data):
    expect(isinstance(data, (bytes, bytearray)) and len(data) > 5, "not a framed message: %r" % (data,))
    magic, schema_id = struct.unpack(">bI", data[:5])
    expect(magic == 0, "magic byte is %d, expected 0" % magic)
    return schema_id


def main():
    if len(sys.argv) != 2 or not sys.argv[1].startswith("http"):
        sys.exit("usage: /usr/bin/python3 check.py http://HOST:PORT")
    url = sys.argv[1].rstrip("/")
    fresh = lambda: SchemaRegistryClient({"url": url})  # new caches: every call goes to the registry
    topic = unique("python")
    subject = topic + "-value"
    v1, v2, bad = schemas("PythonUser")
    avro = lambda s: Schema(json.dumps(s), "AVRO")
    record = {"name": "Alan", "age": 41}
    state = {}

    def register():
        state["id1"] = fresh().register_schema(subject, avro(v1))
        expect(isinstance(state["id1"], int) and state["id1"] > 0, "id %r" % state["id1"])
        expect(fresh().register_schema(subject, avro(v1)) == state["id1"], "re-registering gave another id")

    def by_id():
        got = fresh().get_schema(state["id1"])
        expect(json.loads(got.schema_str) == v1, "schema by id: %s" % got.schema_str)

    def latest():
        c = fresh()
        reg = c.get_latest_version(subject)
        expect((reg.schema_id, reg.version, reg.subject) == (state["id1"], 1, subject),
               "latest: %r %r %r" % (reg.schema_id, reg.version, reg.subject))
        expect(json.loads(reg.schema.schema_str) == v1, "latest schema: %s" % reg.schema.schema_str)
        expect(c.get_version(subject, 1).schema_id == state["id1"], "version 1")
        expect(c.lookup_schema(subject, avro(v1)).schema_id == state["id1"], "lookup")
        expect(c.get_versions(subject) == [1], "versions")
        expect(subject in c.get_subjects(), "subjects")

    def compatibility():
        c = fresh()
        expect(c.test_compatibility(subject, avro(v2)) is True, "v2 should be compatible")
        expect(c.test_compatibility(subject, avro(bad)) is False, "bad should be incompatible")
        expect(c.test_compatibility(subject, avro(v2), version=1) is True, "v2 vs version 1")

    def refused():
        try:
            fresh().register_schema(subject, avro(bad))
        except SchemaRegistryError as e:
            expect(e.http_status_code == 409, "status %s: %s" % (e.http_status_code, e))
            return
        raise AssertionError("incompatible schema was registered")

    def levels():
        c = fresh()
        expect(c.set_compatibility(subject, "FULL") == {"compatibility": "FULL"}, "set FULL")
        expect(fresh().get_compatibility(subject) == "FULL", "get FULL")
        expect(fresh().get_compatibility() in ("BACKWARD", "FULL", "NONE", "FORWARD", "BACKWARD_TRANSITIVE",
                                               "FORWARD_TRANSITIVE", "FULL_TRANSITIVE"), "global level")

    def register_v2():
        state["id2"] = fresh().register_schema(subject, avro(v2))
        expect(state["id2"] != state["id1"], "v2 got v1's id")
        expect(fresh().get_latest_version(subject).schema_id == state["id2"], "latest is not v2")

    def serde_legacy():
        # confluent_kafka.avro (Apache Avro): registers under topic-value, frames magic byte 0 + id.
        from confluent_kafka import avro as legacy
        from confluent_kafka.avro import CachedSchemaRegistryClient
        from confluent_kafka.avro.serializer.message_serializer import MessageSerializer
        ser = MessageSerializer(CachedSchemaRegistryClient({"url": url}))
        data = ser.encode_record_with_schema(topic, legacy.loads(json.dumps(v2)), dict(record, email="a@t.uk"))
        expect(wire_id(data) == state["id2"], "legacy serializer id %d != %d" % (wire_id(data), state["id2"]))
        out = MessageSerializer(CachedSchemaRegistryClient({"url": url})).decode_message(data)
        expect(out == dict(record, email="a@t.uk"), "legacy round trip: %r" % (out,))

    def serde_fastavro():
        ctx = SerializationContext(topic, MessageField.VALUE)
        ser = AvroSerializer(fresh(), json.dumps(v2), conf={"auto.register.schemas": False})
        data = ser(dict(record, email="a@t.uk"), ctx)
        expect(wire_id(data) == state["id2"], "AvroSerializer id")
        out = AvroDeserializer(fresh(), json.dumps(v2))(data, ctx)
        expect(out == dict(record, email="a@t.uk"), "AvroDeserializer round trip: %r" % (out,))

    steps = [("register v1", register), ("fetch by id", by_id), ("latest, version, lookup, versions, subjects", latest),
             ("compatibility checks", compatibility), ("incompatible registration refused with 409", refused),
             ("subject compatibility level", levels), ("register compatible v2", register_v2),
             ("confluent_kafka.avro MessageSerializer round trip", serde_legacy)]
    if HAS_FASTAVRO:
        steps.append(("schema_registry.avro AvroSerializer/AvroDeserializer round trip", serde_fastavro))
    else:
        print("note python: fastavro not installed, AvroSerializer/AvroDeserializer not checked")
    for name, step in steps:
        try:
            step()
            print("ok   python: %s" % name)
        except Exception:
            print("FAIL python: %s\n%s" % (name, traceback.format_exc()), file=sys.stderr)
            sys.exit(1)
    print("python (confluent-kafka %s): all %d checks passed" % (confluent_kafka.version()[0], len(steps)))


if __name__ == "__main__":
    main()
