"""A file of another kind given as the facility list (a road extract, a PDF, a picture) is
refused with a message naming the file, what it is and what to do, on the command line and in
the Python API: never a traceback, never read as a one-column table."""

from __future__ import annotations

import pytest
from wrong_files import WRONG_FILES, WrongFile, write

from ccgeo.cli import main
from ccgeo.errors import InputError
from ccgeo.io.facilities import read_facilities, read_raw


@pytest.mark.parametrize("wrong", WRONG_FILES, ids=lambda w: w.name)
def test_import_facilities_refuses_a_file_of_another_kind(tmp_path, capsys, wrong: WrongFile):
    path = write(tmp_path, wrong)
    out = tmp_path / "labs.gpkg"
    code = main(["import-facilities", str(path), "-o", str(out)])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2
    assert len(err) == 1, err
    assert err[0].startswith(f"ccgeo: error: {path}: ")
    assert wrong.what in err[0]
    assert wrong.fix in err[0]
    assert not out.exists()


@pytest.mark.parametrize("wrong", WRONG_FILES, ids=lambda w: w.name)
def test_the_readers_refuse_it_before_reading(tmp_path, wrong: WrongFile):
    path = write(tmp_path, wrong)
    for read in (read_raw, read_facilities):
        with pytest.raises(InputError, match="not a facility list") as caught:
            read(path)
        assert caught.value.path == path
        assert wrong.what in str(caught.value)


def test_a_picture_under_a_table_name_is_refused_as_no_text_table(tmp_path):
    png = next(w for w in WRONG_FILES if w.name.endswith(".png"))
    path = tmp_path / "labs.csv"
    path.write_bytes(png.content + b"\r\x00\n\x00")
    with pytest.raises(InputError, match="is not a text table") as caught:
        read_raw(path)
    assert caught.value.path == path
