#!/usr/bin/python3
"""Static checks of deploy/ that need no Docker and no cluster (run by deploy/check, hence by .ci/run).

usage: check_deploy.py RENDERED_DIR   (RENDERED_DIR holds <overlay>.yaml from `kubectl kustomize`; may be empty)
"""
import json
import pathlib
import re
import sys

import yaml

ROOT = pathlib.Path(__file__).resolve().parent.parent
failures = []


def check(ok, message):
    if not ok:
        failures.append(message)


# Every alert has a runbook at its runbook_url, and every runbook page belongs to an alert.
alerts = set()
for rules in sorted((ROOT / "deploy/prometheus/rules").glob("*.yml")):
    for group in yaml.safe_load(rules.read_text())["groups"]:
        for rule in group["rules"]:
            if "alert" not in rule:
                continue
            alerts.add(rule["alert"])
            url = rule.get("annotations", {}).get("runbook_url", "")
            check(url == f"deploy/runbooks/{rule['alert']}.md", f"{rule['alert']}: runbook_url is {url!r}")
            check((ROOT / url).is_file(), f"{rule['alert']}: no runbook at {url}")
pages = {p.stem for p in (ROOT / "deploy/runbooks").glob("*.md")} - {"README"}
check(pages == alerts, f"runbooks without an alert: {sorted(pages - alerts)}; alerts without one: {sorted(alerts - pages)}")

# docker-compose.yml parses and has the stack the README promises (`docker compose config` needs a Docker engine).
compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
services = compose["services"]
for name in ["kafka-1", "kafka-2", "kafka-3", "postgres", "redis", "streams", "api-1", "api-2", "prometheus", "grafana"]:
    check(name in services, f"docker-compose.yml: no service {name}")
for name in ["streams", "api-1", "api-2"]:
    env = services.get(name, {}).get("environment", {})
    check(str(env.get("REGISTRY_TOPICS_REPLICATION_FACTOR")) == "3", f"{name}: replication factor is not 3")
    check(str(env.get("REGISTRY_TOPICS_MIN_INSYNC_REPLICAS")) == "2", f"{name}: min ISR is not 2")
for name in ["kafka-1", "kafka-2", "kafka-3"]:
    env = services.get(name, {}).get("environment", {})
    check(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS", "").count("@") == 3, f"{name}: not a 3-voter KRaft quorum")
for volume in services.get("prometheus", {}).get("volumes", []) + services.get("grafana", {}).get("volumes", []):
    source = volume.split(":")[0]
    check((ROOT / source).exists(), f"docker-compose.yml mounts a missing {source}")

# The Grafana dashboard parses, and its queries only use the datasource variable.
dashboard = json.loads((ROOT / "deploy/grafana/dashboards/registry.json").read_text())
targets = [t for p in dashboard["panels"] for t in p.get("targets", [])]
check(len(targets) > 20, "dashboard: too few queries")
check(all(t["datasource"]["uid"] == "${datasource}" for t in targets), "dashboard: a query with a fixed datasource")
for path in (ROOT / "deploy/grafana/provisioning").rglob("*.yml"):
    yaml.safe_load(path.read_text())

# The rendered Kustomize overlays.
rendered = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else None
overlays = sorted(rendered.glob("*.yaml")) if rendered else []
for out in overlays:
    overlay = out.stem
    docs = [d for d in yaml.safe_load_all(out.read_text()) if d]
    by_kind = {}
    for d in docs:
        by_kind.setdefault(d["kind"], []).append(d)
    for kind in ["Deployment", "StatefulSet", "Service", "PodDisruptionBudget", "NetworkPolicy", "ServiceMonitor",
                 "ConfigMap"]:
        check(kind in by_kind, f"{overlay}: no {kind}")
    config = by_kind.get("ConfigMap", [{}])[0].get("data", {})
    check(config.get("REGISTRY_REGION_ROLE") == overlay, f"{overlay}: REGISTRY_REGION_ROLE is {config.get('REGISTRY_REGION_ROLE')}")
    check(bool(config.get("REGISTRY_REGION_NAME")), f"{overlay}: no REGISTRY_REGION_NAME")
    check(config.get("REGISTRY_TOPICS_REPLICATION_FACTOR") == "3", f"{overlay}: replication factor is not 3")
    for workload in by_kind.get("Deployment", []) + by_kind.get("StatefulSet", []):
        name = workload["metadata"]["name"]
        for c in workload["spec"]["template"]["spec"]["containers"]:
            res = c.get("resources", {})
            check("cpu" in res.get("requests", {}) and "memory" in res.get("limits", {}),
                  f"{overlay}/{name}: container {c['name']} lacks requests/limits")
            refs = [e["configMapRef"]["name"] for e in c.get("envFrom", [])]
            check(all(r == by_kind["ConfigMap"][0]["metadata"]["name"] for r in refs), f"{overlay}/{name}: stale ConfigMap ref")
    api = [d for d in by_kind.get("Deployment", []) if d["metadata"]["name"] == "registry-api"]
    check(len(api) == 1, f"{overlay}: no registry-api Deployment")
    if api:
        probe = api[0]["spec"]["template"]["spec"]["containers"][0].get("readinessProbe", {})
        check(probe.get("httpGet", {}).get("path") == "/health/ready", f"{overlay}: API readiness is not /health/ready")
check(not rendered or [o.stem for o in overlays] == ["primary", "replica"], f"rendered overlays: {[o.stem for o in overlays]}")

if failures:
    print("deploy checks FAILED:\n  " + "\n  ".join(failures))
    sys.exit(1)
print(f"deploy checks passed: {len(alerts)} alerts with runbooks, compose ({len(services)} services), "
      f"dashboard ({len(targets)} queries), {len(overlays)} rendered overlays")
