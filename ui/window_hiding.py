"""Windows the app hides to lock: every case goes off the screen before any form saves.

Hiding an interview window saves its form at once (closing the window, say). When the
app locks, the store may be busy with a sync for seconds; saving window by window would
leave the caseload and the other windows on screen meanwhile. So the lock marks each
window it hides, hides them all, and then saves their forms.
"""

SAVE_AFTER_HIDING = "rhiSaveAfterHiding"
"""A window property, true while the app hides the window to lock: its forms are saved
once every window is hidden, so hiding it must not stop to save."""
