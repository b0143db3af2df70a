import threading

from channels.whatsapp_dedup import MessageDeduplicator

KEY = "dedup-test-key"
WAMID = "wamid.HBgMOTY2NTAxMjM0NTY3FQIAEhgUM0FCQ0RFRg=="


def test_first_claim_wins_and_repeat_is_refused(tmp_path):
    dedup = MessageDeduplicator(str(tmp_path / "d.db"), KEY)
    assert dedup.claim(WAMID) is True
    assert dedup.claim(WAMID) is False
    assert dedup.claim("wamid.other") is True


def test_claims_survive_a_restart(tmp_path):
    MessageDeduplicator(str(tmp_path / "d.db"), KEY).claim(WAMID)
    assert MessageDeduplicator(str(tmp_path / "d.db"), KEY).claim(WAMID) is False


def test_entries_older_than_seven_days_are_pruned(tmp_path):
    now = [1_000_000.0]
    dedup = MessageDeduplicator(str(tmp_path / "d.db"), KEY, clock=lambda: now[0])
    dedup.claim(WAMID)
    now[0] += 6 * 24 * 3600
    dedup.claim("wamid.recent")
    now[0] += 2 * 24 * 3600
    assert dedup.prune() == 1
    assert dedup.count() == 1
    assert dedup.claim(WAMID) is True


def test_message_ids_are_not_stored_in_clear(tmp_path):
    path = tmp_path / "d.db"
    MessageDeduplicator(str(path), KEY).claim(WAMID)
    stored = b"".join(p.read_bytes() for p in tmp_path.iterdir())
    assert WAMID.encode() not in stored


def test_released_claim_can_be_claimed_again(tmp_path):
    dedup = MessageDeduplicator(str(tmp_path / "d.db"), KEY)
    dedup.claim(WAMID)
    dedup.release(WAMID)
    assert dedup.claim(WAMID) is True


def test_concurrent_claims_of_one_id_have_exactly_one_winner(tmp_path):
    path = str(tmp_path / "d.db")
    instances = [MessageDeduplicator(path, KEY) for _ in range(8)]
    results = []
    barrier = threading.Barrier(len(instances))

    def claim(dedup):
        barrier.wait()
        results.append(dedup.claim(WAMID))

    threads = [threading.Thread(target=claim, args=(d,)) for d in instances]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == [False] * 7 + [True]
