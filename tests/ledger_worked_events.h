// The worked events of docs/ledger-format.md §2.4 (a delivery) and §9.3 (its correction) as their
// canonical bytes, and the commitments they name, shared by the tests of the ledger's events.
#pragma once

namespace treaty::ledger::test {

constexpr char kCommitment1[] = "sec_2__hcontainer_1__para_3__sent_2";
constexpr char kCommitment2[] = "sec_2__hcontainer_5__para_2__sent_1";

constexpr char kDeliveryCanonical[] =
    R"json({"agreement":"lv-ua-2024","amount":{"currency":"EUR","minor_units":2000000000},"classification":"public","commitments":["sec_2__hcontainer_1__para_3__sent_2","sec_2__hcontainer_5__para_2__sent_1"],"date":"2024-12-20","description":"5,000 FPV drones (\"Drone Coalition\" lot 3) handed over in Rēzekne\nAct signed by both sides","evidence":[{"reference":"LV MoD handover act No. 12/2024-D (PDF)","sha256":"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"}],"id":"0194694c-5e3b-75c3-af1e-9a407b6d13c8","idempotency_key":"lv-mod/handover/12-2024-D","item":"FPV combat drone","participant":"LV","quantity":5000,"recorded_at":"2025-01-15T09:30:00.123456Z","recorded_by":{"institution":"lv-mod","user":"jānis.bērziņš"},"type":"delivery","unit":"drone"})json";

constexpr char kCorrectionCanonical[] =
    R"json({"action":"amend","agreement":"lv-ua-2024","classification":"public","corrects":"0194694c-5e3b-75c3-af1e-9a407b6d13c8","description":"The corrected handover act counts 4,980 drones, not 5,000","evidence":[{"reference":"LV MoD handover act No. 12/2024-D, corrected (PDF)","sha256":"88d4266fd4e6338d13b845fcf289579d209c897823b9217da3e161936f031589"}],"id":"0194cc21-1a08-70a1-9b2c-3d4e5f607182","idempotency_key":"lv-mod/handover/12-2024-D/correction-1","recorded_at":"2025-02-03T14:05:09.000001Z","recorded_by":{"institution":"lv-mod","user":"jānis.bērziņš"},"replacement":{"amount":{"currency":"EUR","minor_units":2000000000},"commitments":["sec_2__hcontainer_1__para_3__sent_2","sec_2__hcontainer_5__para_2__sent_1"],"date":"2024-12-20","description":"4,980 FPV drones (\"Drone Coalition\" lot 3) handed over in Rēzekne\nAct signed by both sides","evidence":[{"reference":"LV MoD handover act No. 12/2024-D, corrected (PDF)","sha256":"88d4266fd4e6338d13b845fcf289579d209c897823b9217da3e161936f031589"}],"item":"FPV combat drone","participant":"LV","quantity":4980,"type":"delivery","unit":"drone"},"type":"correction"})json";

}  // namespace treaty::ledger::test
