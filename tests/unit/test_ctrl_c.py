"""Ctrl-C in a management command: one line that says what was kept, and the shell's 130 exit status."""

import pytest
from django.core.management.base import CommandError

from config.commands import INTERRUPTED, stops_on_ctrl_c


def test_ctrl_c_becomes_one_line_saying_what_was_kept():
    done = 0
    with pytest.raises(CommandError) as excinfo, stops_on_ctrl_c(lambda: f"{done} of 3 went in."):
        done = 2
        raise KeyboardInterrupt
    assert str(excinfo.value) == "Interrupted (Ctrl-C): 2 of 3 went in."
    assert excinfo.value.returncode == INTERRUPTED == 130


def test_other_errors_pass_through_untouched():
    with pytest.raises(ValueError, match="bad"), stops_on_ctrl_c("nothing."):
        raise ValueError("bad")
