#!/usr/bin/python3
"""Write the ingest benchmark corpus: CT slices of 512x512 and large mammograms, 16-bit, Explicit VR LE.

usage: make_ingest_corpus.py OUT_DIR CT_COUNT MG_COUNT

The CT files take their header from pydicom's CT_small.dcm (a real GE header with private tags);
the mammograms are Digital Mammography X-Ray Image Storage - For Presentation of 4096x3840
pixels (31.5 MB). Pixel values are seeded noise, so runs are repeatable. Every instance gets a
unique SOP Instance UID under the 2.25 (UUID-derived) root.
"""
import os
import sys
import uuid

import numpy
import pydicom
from pydicom.data import get_testdata_file
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.uid import ExplicitVRLittleEndian, generate_uid

CT_SIZE = 512
MG_ROWS, MG_COLUMNS = 4096, 3840
MAMMOGRAPHY_FOR_PRESENTATION = "1.2.840.10008.5.1.4.1.1.1.2"


def uid(name):
    """Return a UID derived from NAME, so the corpus is the same on every run."""
    return "2.25." + str(uuid.uuid5(uuid.NAMESPACE_OID, name).int)


def write(dataset, sop_class, path, name):
    dataset.SOPClassUID = sop_class
    dataset.SOPInstanceUID = uid(name)
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = sop_class
    meta.MediaStorageSOPInstanceUID = dataset.SOPInstanceUID
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    dataset.file_meta = meta
    dataset.is_little_endian = True
    dataset.is_implicit_VR = False
    dataset.save_as(path, write_like_original=False)


def make_ct(folder, count, random):
    template = pydicom.dcmread(get_testdata_file("CT_small.dcm"))
    base = numpy.kron(template.pixel_array.astype(numpy.int16), numpy.ones((4, 4), dtype=numpy.int16))
    noise = [random.integers(-20, 20, size=base.shape, dtype=numpy.int16) for _ in range(8)]
    template.StudyInstanceUID = uid("study-ct")
    template.SeriesInstanceUID = uid("series-ct")
    template.Rows = template.Columns = CT_SIZE
    for index in range(count):
        template.InstanceNumber = index + 1
        template.PixelData = (base + noise[index % len(noise)]).tobytes()
        write(template, template.SOPClassUID, os.path.join(folder, f"ct{index:05d}.dcm"), f"ct-{index}")


def make_mg(folder, count, random):
    for index in range(count):
        dataset = Dataset()
        dataset.PatientName = "Ingest^Benchmark"
        dataset.PatientID = "INGEST"
        dataset.StudyInstanceUID = uid("study-mg")
        dataset.SeriesInstanceUID = uid("series-mg")
        dataset.Modality = "MG"
        dataset.InstanceNumber = index + 1
        dataset.SamplesPerPixel = 1
        dataset.PhotometricInterpretation = "MONOCHROME2"
        dataset.Rows = MG_ROWS
        dataset.Columns = MG_COLUMNS
        dataset.BitsAllocated = 16
        dataset.BitsStored = 14
        dataset.HighBit = 13
        dataset.PixelRepresentation = 0
        dataset.PixelData = random.integers(0, 1 << 14, size=(MG_ROWS, MG_COLUMNS), dtype=numpy.uint16).tobytes()
        write(dataset, MAMMOGRAPHY_FOR_PRESENTATION, os.path.join(folder, f"mg{index:03d}.dcm"), f"mg-{index}")


def main():
    out, ct_count, mg_count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    random = numpy.random.default_rng(20261204)
    for name in ("ct", "mg"):
        os.makedirs(os.path.join(out, name), exist_ok=True)
    make_ct(os.path.join(out, "ct"), ct_count, random)
    make_mg(os.path.join(out, "mg"), mg_count, random)


if __name__ == "__main__":
    main()
