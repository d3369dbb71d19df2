"""Akoma Ntoso reading and writing: the only package that imports lxml for drafts."""

from treaty_diff.read.akn.reader import check_file, parse_bytes, read_draft
from treaty_diff.read.akn.writer import draft_to_xml, provision_to_xml

__all__ = ["check_file", "draft_to_xml", "parse_bytes", "provision_to_xml", "read_draft"]
