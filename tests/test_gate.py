"""`AnswerGate`: answers run side by side; a rebuild waits for the answers in flight and holds
new ones until it is done."""

import threading
import time

from webapp.gate import AnswerGate


def test_answers_overlap_and_a_rebuild_waits_for_them_and_holds_new_ones():
    gate, events = AnswerGate(), []
    first, second = gate.answering(), gate.answering()
    first.__enter__()
    second.__enter__()  # two answers at once: the second did not wait

    def rebuild():
        with gate.rebuilding():
            events.append("rebuild start")
            time.sleep(0.2)
            events.append("rebuild end")

    def late_answer():
        with gate.answering():
            events.append("late answer")

    builder = threading.Thread(target=rebuild)
    builder.start()
    time.sleep(0.1)
    late = threading.Thread(target=late_answer)
    late.start()
    time.sleep(0.1)
    assert events == []  # the rebuild waits for both answers; the late answer for the rebuild
    first.__exit__(None, None, None)
    events.append("answers done")
    second.__exit__(None, None, None)
    builder.join(5)
    late.join(5)
    assert events == ["answers done", "rebuild start", "rebuild end", "late answer"]
