"""Schemathesis hooks for `npm run fuzz`: values for the schema's custom scalars.

Schemathesis knows Date, DateTime, UUID and a few more by name; any other custom
scalar (such as JSONObject) stops it from testing the fields that use it. The fuzz
script names those scalars in FUZZ_CUSTOM_SCALARS (comma-separated); each gets
JSON-like values here: objects for names mentioning JSON or Object, any JSON value
otherwise.
"""

import os
import re

import graphql
import schemathesis
from hypothesis import strategies as st
from schemathesis.graphql import nodes

KEYS = st.from_regex(r"\A[A-Za-z_][A-Za-z0-9_]{0,11}\Z")


def _object(pairs):
    return nodes.Object(
        [graphql.ObjectFieldNode(name=graphql.NameNode(value=key), value=value) for key, value in pairs.items()]
    )


SCALARS = st.one_of(
    st.text(max_size=30).map(nodes.String),
    st.integers(min_value=-(2**31), max_value=2**31 - 1).map(nodes.Int),
    st.floats(allow_nan=False, allow_infinity=False).map(nodes.Float),
    st.booleans().map(nodes.Boolean),
    st.just(nodes.Null),
)

JSON_VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4).map(nodes.List),
        st.dictionaries(KEYS, inner, max_size=4).map(_object),
    ),
    max_leaves=12,
)

JSON_OBJECTS = st.dictionaries(KEYS, JSON_VALUES, max_size=5).map(_object)

for name in filter(None, os.environ.get("FUZZ_CUSTOM_SCALARS", "").split(",")):
    strategy = JSON_OBJECTS if re.search(r"json|object", name, re.IGNORECASE) else JSON_VALUES
    schemathesis.graphql.scalar(name, strategy)
