"""Print pydicom's decoding of every character-set-governed text element as JSON.

Usage: python3 pydicom_text_values.py FILE...

Each element with VR SH, LO, UC, ST, LT, UT or PN, at any sequence depth, gets one record: the
Specific Character Set terms in force, the VR, the raw value bytes as hex and pydicom's decoded
values. The terms in force are the item's own (0008,0005) when it has a non-empty one, else the
enclosing data set's, as pydicom inherits them. The NUnit tests decode the same raw bytes
with DicomCharacterSet and compare, so they need no DICOM reader of our own.
"""

import json
import sys

import pydicom
from pydicom.charset import convert_encodings, decode_bytes
from pydicom.valuerep import PN_DELIMS

CHARSET_VRS = {"SH", "LO", "UC", "ST", "LT", "UT", "PN"}
SPECIFIC_CHARACTER_SET = 0x00080005


def own_terms(dataset, inherited):
    """Return the (0008,0005) terms of this data set, or the inherited ones.

    pydicom converts the top-level (0008,0005) while it reads the file, which removes its
    padding. In sequence items the element is still raw, so its terms keep their padding.
    """
    if SPECIFIC_CHARACTER_SET not in dataset:
        return inherited
    stored = dataset.get_item(SPECIFIC_CHARACTER_SET).value
    if isinstance(stored, bytes):
        stored = stored.decode("ascii").split("\\")
    terms = [stored] if isinstance(stored, str) else [str(term) for term in stored]
    if not any(terms):
        return inherited
    return terms


def pydicom_person_name(raw, encodings):
    """Decode PN bytes the way pydicom does, keeping trailing empty component groups.

    pydicom splits values on backslash and groups on '=' before decoding, then decodes each
    group with the '^' delimiter resetting the character set. Its PersonName drops trailing
    empty groups, which would hide a trailing '=' the raw value has.
    """
    values = raw.rstrip(b"\x00 ").split(b"\\")
    return [
        "=".join(decode_bytes(group, encodings, PN_DELIMS) for group in value.split(b"="))
        for value in values
    ]


def pydicom_text(dataset, tag):
    """Return pydicom's decoded values of a non-PN text element as a list."""
    value = dataset[tag].value
    if value is None:
        return [""]
    if isinstance(value, str):
        return [value]
    return [str(item) for item in value]


def walk(dataset, terms, path, records, file_name):
    """Append a record for each text element of the data set, recursing into sequence items.

    The raw bytes are taken before pydicom converts an element, because conversion replaces them.
    """
    for tag in list(dataset.keys()):
        location = f"{path}({tag.group:04X},{tag.element:04X})"
        stored = dataset.get_item(tag).value
        element = dataset[tag]
        if element.VR == "SQ":
            for index, item in enumerate(element.value):
                walk(item, own_terms(item, terms), f"{location}[{index}]/", records, file_name)
            continue

        vr = element.VR
        if vr not in CHARSET_VRS:
            continue
        if not isinstance(stored, bytes):
            raise ValueError(f"{file_name} {location} was converted before its raw bytes were read")
        raw = stored

        if vr == "PN":
            values = pydicom_person_name(raw, convert_encodings([term.strip(" \x00") for term in terms]))
        else:
            values = pydicom_text(dataset, tag)
        records.append({
            "file": file_name,
            "path": location,
            "terms": terms,
            "vr": vr,
            "hex": raw.hex().upper(),
            "values": values,
        })


def main(paths):
    records = []
    for path in paths:
        dataset = pydicom.dcmread(path)
        walk(dataset, own_terms(dataset, [""]), "", records, path.rsplit("/", 1)[-1])
    json.dump({"pydicom": pydicom.__version__, "records": records}, sys.stdout, ensure_ascii=True)


if __name__ == "__main__":
    main(sys.argv[1:])
