"""The pack store: installed pack versions kept as plain files, and the commands over them.

No Qt here. The kiosk window asks `startup.choose_pack` which pack to show and watches the store's
pointer file; `kiosk install`, `kiosk rollback`, `kiosk packs`, the inbox and signatures all work on
the same folders, so each is testable without a window. See docs/architecture.md ("Pack store").
"""
