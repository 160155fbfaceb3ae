"""Write pydicom's decoding of DICOM files as raw arrays, an oracle for the C# pixel data tests.

Usage: /usr/bin/python3 pydicom_pixels.py OUTPUT_FOLDER INPUT_FILE...

For each input NAME.dcm this writes, in OUTPUT_FOLDER:
  NAME.stored.raw       ds.pixel_array, every frame, little endian, with only Bits Stored bits
                        ending at High Bit kept (sign-extended when signed). pydicom 2.3 returns
                        the whole cells, so the masking is done here with numpy.
  NAME.modality.raw     float64 output of apply_modality_lut, for MONOCHROME1 and MONOCHROME2.
  NAME.rgb.raw          uint output of convert_color_space(..., "YBR_FULL", "RGB"), for
                        YBR_FULL and YBR_FULL_422 (pixel_array has already expanded 4:2:2).
  NAME.json             {"shape": [...], "dtype": "uint16", "photometric": "...", "outputs": [...]}
A file pydicom cannot decode gets NAME.json with an "error" entry instead.
"""

import json
import os
import sys
import warnings

import numpy as np
import pydicom
from pydicom.pixel_data_handlers.util import apply_modality_lut, convert_color_space


def keep_stored_bits(ds, arr):
    allocated, stored, high_bit = ds.BitsAllocated, ds.BitsStored, ds.HighBit
    if allocated == 1 or (stored == allocated and high_bit == allocated - 1):
        return arr
    values = arr.astype(np.int64) & ((1 << allocated) - 1)
    values = (values >> (high_bit + 1 - stored)) & ((1 << stored) - 1)
    if ds.PixelRepresentation == 1:
        values = np.where(values >= (1 << (stored - 1)), values - (1 << stored), values)
    return values.astype(arr.dtype)


def little_endian(arr):
    return arr.astype(arr.dtype.newbyteorder("<"), copy=False)


def write(folder, name, suffix, arr):
    with open(os.path.join(folder, f"{name}.{suffix}.raw"), "wb") as out:
        out.write(little_endian(np.ascontiguousarray(arr)).tobytes())


def decode(folder, path):
    name = os.path.splitext(os.path.basename(path))[0]
    info = {}
    try:
        ds = pydicom.dcmread(path)
        arr = keep_stored_bits(ds, ds.pixel_array)
        photometric = str(ds.PhotometricInterpretation)
        info = {"shape": list(arr.shape), "dtype": arr.dtype.newbyteorder("=").name, "photometric": photometric, "outputs": ["stored"]}
        write(folder, name, "stored", arr)
        if photometric in ("MONOCHROME1", "MONOCHROME2"):
            write(folder, name, "modality", apply_modality_lut(arr, ds).astype(np.float64))
            info["outputs"].append("modality")
        if photometric in ("YBR_FULL", "YBR_FULL_422") and ds.BitsAllocated == 8:
            write(folder, name, "rgb", convert_color_space(arr, "YBR_FULL", "RGB"))
            info["outputs"].append("rgb")
    except Exception as error:  # an oracle failure is reported to the test, not raised
        info = {"error": f"{type(error).__name__}: {error}"}
    with open(os.path.join(folder, f"{name}.json"), "w") as out:
        json.dump(info, out)


def main():
    warnings.simplefilter("ignore")
    folder = sys.argv[1]
    for path in sys.argv[2:]:
        decode(folder, path)


if __name__ == "__main__":
    main()
