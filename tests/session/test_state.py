from kiosk.session.state import HOME, AppState, Route, Snapshot, TextSize


def test_listeners_see_old_and_new_snapshot_on_change() -> None:
    state = AppState()
    seen: list[tuple[Snapshot, Snapshot]] = []
    state.subscribe(lambda old, new: seen.append((old, new)))
    state.update(route=Route("topic", topic="symptoms"))
    assert len(seen) == 1
    assert seen[0][0].route == HOME
    assert seen[0][1].route.name == "topic/symptoms"


def test_an_update_that_changes_nothing_notifies_nobody() -> None:
    state = AppState()
    seen: list[object] = []
    state.subscribe(lambda old, new: seen.append(new))
    state.update(route=HOME)
    assert seen == []


def test_unsubscribed_listener_hears_nothing_more() -> None:
    state = AppState()
    seen: list[object] = []
    unsubscribe = state.subscribe(lambda old, new: seen.append(new))
    unsubscribe()
    state.update(language="es")
    assert seen == []


def test_reset_returns_exactly_to_a_fresh_start() -> None:
    state = AppState()
    state.update(
        route=Route("page", topic="t", page="p"),
        history=(HOME, Route("topic", topic="t")),
        language="es",
        text_size=TextSize.LARGEST,
        read_aloud=True,
    )
    state.reset()
    assert state.current == Snapshot()
    assert state.current == AppState().current
