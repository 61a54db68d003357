"""The tracked-link path's window for a repeat reader. (The path reads the share's
credited clicks in the statement that stores the click: sharing.click_rows.click_insert.)"""

from datetime import timedelta

REPEAT_WINDOW = timedelta(hours=24)
