"""Routing networks cached in the project: in memory, in the file, rebuilt when stale."""

from __future__ import annotations

import numpy as np
import pytest
from roadkit import grid_roads

from ccgeo.errors import InputError
from ccgeo.network.profiles import resolve_profile
from ccgeo.project import Project, array_names, open_project, save_project


def _no_build(*args, **kwargs):
    raise AssertionError("the network should have come from the cache")


def test_network_is_built_once_and_kept_in_memory():
    project = Project(roads=grid_roads(4))
    net = project.network("car")
    assert project.network("car") is net
    assert project.network("walk") is not net
    assert set(project.built_networks()) == {"car", "walk"}


def test_saved_network_is_reused_after_reopening(tmp_path, monkeypatch):
    project = Project(name="cached", roads=grid_roads(4))
    built = project.network("car")
    path = save_project(project, tmp_path / "p.ccgeo")
    assert "network:car" in array_names(path)
    reopened = open_project(path)
    monkeypatch.setattr("ccgeo.project.build_network", _no_build)
    net = reopened.network("car")
    np.testing.assert_array_equal(net.csr.toarray(), built.csr.toarray())
    assert net.profile == built.profile


def test_cache_is_not_used_for_other_roads_or_profile(tmp_path):
    project = Project(roads=grid_roads(4))
    project.network("car")
    path = save_project(project, tmp_path / "p.ccgeo")
    reopened = open_project(path)
    reopened.roads = grid_roads(5)
    assert reopened.network("car").n_nodes == 25
    slow = resolve_profile("car", congestion=3.0)
    again = open_project(path)
    net = again.network(slow)
    assert net.profile.congestion_factor == 3.0
    base = open_project(path).network("car")
    np.testing.assert_allclose(net.csr.data, base.csr.data * 3.0)


def test_resaving_keeps_the_cache_while_roads_are_unchanged(tmp_path):
    project = Project(roads=grid_roads(3))
    project.network("walk")
    path = save_project(project, tmp_path / "p.ccgeo")
    reopened = open_project(path)
    save_project(reopened, path)  # no network built in this session: the stored one is carried
    assert "network:walk" in array_names(path)
    reopened.roads = grid_roads(4)
    save_project(reopened, path)
    assert "network:walk" not in array_names(path)


def test_no_roads_is_a_clear_error():
    with pytest.raises(InputError, match="no road network"):
        Project().network("car")
