"""Print how CPython's codecs decode every position of the DICOM graphic character sets, as JSON.

Usage: python3 python_codec_tables.py

These are the codecs pydicom decodes with. For each set, keyed by its ISO-IR registration, every
code maps to the decoded character, or to null where the codec rejects it. Single-byte sets list
the bytes 0xA0-0xFF; double-byte sets list the 94 x 94 codes row byte * 256 + cell byte, both
0x21-0x7E, wrapped in the escape sequences the codec needs.
"""

import json
import sys

ESCAPE_TO_ASCII = b"\x1b(B"

SINGLE_BYTE = {
    "ISO-IR 100": "latin_1",
    "ISO-IR 101": "iso8859_2",
    "ISO-IR 109": "iso8859_3",
    "ISO-IR 110": "iso8859_4",
    "ISO-IR 126": "iso8859_7",
    "ISO-IR 127": "iso8859_6",
    "ISO-IR 138": "iso8859_8",
    "ISO-IR 144": "iso8859_5",
    "ISO-IR 148": "iso8859_9",
    "ISO-IR 203": "iso8859_15",
    "ISO-IR 166": "tis_620",
    "ISO-IR 13": "shift_jis",
}

DOUBLE_BYTE = {
    "ISO-IR 87": ("iso2022_jp", lambda row, cell: b"\x1b$B" + bytes([row, cell]) + ESCAPE_TO_ASCII),
    "ISO-IR 159": ("iso2022_jp_2", lambda row, cell: b"\x1b$(D" + bytes([row, cell]) + ESCAPE_TO_ASCII),
    "ISO-IR 149": ("euc_kr", lambda row, cell: bytes([row | 0x80, cell | 0x80])),
    "ISO-IR 58": ("gb2312", lambda row, cell: bytes([row | 0x80, cell | 0x80])),
}


def decode_one(encoded, codec):
    """Return the single character the codec decodes, or None."""
    try:
        text = encoded.decode(codec)
    except UnicodeDecodeError:
        return None
    return text if len(text) == 1 else None


def main():
    tables = {}
    for registration, codec in SINGLE_BYTE.items():
        tables[registration] = {
            f"{code:02X}": decode_one(bytes([code]), codec) for code in range(0xA0, 0x100)
        }
    for registration, (codec, wrap) in DOUBLE_BYTE.items():
        tables[registration] = {
            f"{row:02X}{cell:02X}": decode_one(wrap(row, cell), codec)
            for row in range(0x21, 0x7F)
            for cell in range(0x21, 0x7F)
        }
    json.dump({"python": sys.version.split()[0], "tables": tables}, sys.stdout, ensure_ascii=True)


if __name__ == "__main__":
    main()
