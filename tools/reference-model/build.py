#!/usr/bin/python3
"""Build the reference model of AI Node as an ONNX graph, and its check outputs.

Run with Debian's interpreter, which has python3-onnx (1.12) and python3-numpy:

    /usr/bin/python3 tools/reference-model/build.py

It writes deploy/models/reference/model.onnx and tools/reference-model/check-outputs.json.
Both are byte-identical on every run: the graph has fixed constants, names and metadata, and
protobuf serialises it in field order. check-outputs.json holds the probabilities that the NumPy
forward pass in reference_model.py computes for the closed-form check images, so a test can
compare ONNX Runtime's outputs with an implementation that does not use ONNX at all.
"""

import argparse
import json
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

# Importing the sibling module must not leave a __pycache__ folder in the repository.
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reference_model as rm  # noqa: E402

OPSET = 13
PRODUCER = "ainode-reference-model"
MODEL_VERSION = "1.0.0"
INPUT_NAME = "image"
PROBABILITIES_NAME = "probabilities"
HEATMAPS_NAME = "heatmaps"
BATCH_DIMENSION = "batch"

REPOSITORY = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEFAULT_MODEL_PATH = os.path.join(REPOSITORY, "deploy", "models", "reference", "model.onnx")
DEFAULT_CHECK_PATH = os.path.join(REPOSITORY, "tools", "reference-model", "check-outputs.json")


def scalar(name, value):
    return numpy_helper.from_array(np.array(value, dtype=np.float32), name)


def edge_pads(name, radius):
    """Return the Pad input that pads the two spatial axes of an NCHW tensor by radius."""
    return numpy_helper.from_array(np.array([0, 0, radius, radius, 0, 0, radius, radius], dtype=np.int64), name)


def initializers():
    _, mass, smooth = rm.kernels()
    profiles = rm.spot_profiles()
    width = profiles.shape[1]
    centers, slopes = rm.calibration_arrays()
    finding_count = len(rm.FINDING_IDS)
    return [
        numpy_helper.from_array(profiles.reshape(2, 1, 1, width), "spot_row_kernels"),
        numpy_helper.from_array(profiles.reshape(2, 1, width, 1), "spot_column_kernels"),
        numpy_helper.from_array(np.array([1.0, -1.0], dtype=np.float32).reshape(1, 2, 1, 1), "spot_difference"),
        numpy_helper.from_array(mass.reshape(1, 1, *mass.shape), "mass_kernel"),
        numpy_helper.from_array(smooth.reshape(1, 1, *smooth.shape), "smooth_kernel"),
        edge_pads("spot_pads", rm.SPOT_KERNEL_RADIUS),
        edge_pads("mass_pads", rm.MASS_KERNEL_RADIUS),
        edge_pads("smooth_pads", rm.DARK_KERNEL_RADIUS),
        scalar("body_level", rm.BODY_LEVEL),
        scalar("body_steepness", rm.BODY_STEEPNESS),
        scalar("mass_floor", rm.MASS_FLOOR),
        scalar("dark_level", rm.DARK_LEVEL),
        numpy_helper.from_array(centers.reshape(1, finding_count), "score_centers"),
        numpy_helper.from_array(slopes.reshape(1, finding_count), "score_slopes"),
        numpy_helper.from_array(centers.reshape(1, finding_count, 1, 1), "map_centers"),
        numpy_helper.from_array(slopes.reshape(1, finding_count, 1, 1), "map_slopes"),
    ]


def nodes():
    coarse = rm.COARSE_FACTOR
    erosion = rm.BODY_EROSION_RADIUS
    node = helper.make_node
    return [
        # Small bright spots: DoG at full resolution, then the maximum of each 4x4 block. Both
        # Gaussians run as a row pass and a column pass (group=2 keeps them apart), and a 1x1
        # convolution with weights (1, -1) takes their difference.
        node("Pad", [INPUT_NAME, "spot_pads"], ["spot_padded"], mode="edge"),
        node("Conv", ["spot_padded", "spot_row_kernels"], ["spot_rows"]),
        node("Conv", ["spot_rows", "spot_column_kernels"], ["spot_gaussians"], group=2),
        node("Conv", ["spot_gaussians", "spot_difference"], ["spot_response"]),
        node("MaxPool", ["spot_response"], ["spot_map"], kernel_shape=[coarse, coarse], strides=[coarse, coarse]),
        # The coarse image and the body mask, eroded by taking the minimum over a window.
        node("AveragePool", [INPUT_NAME], ["coarse"], kernel_shape=[coarse, coarse], strides=[coarse, coarse]),
        node("Sub", ["coarse", "body_level"], ["body_offset"]),
        node("Mul", ["body_offset", "body_steepness"], ["body_logit"]),
        node("Sigmoid", ["body_logit"], ["body"]),
        node("Neg", ["body"], ["body_negated"]),
        node(
            "MaxPool",
            ["body_negated"],
            ["body_negated_dilated"],
            kernel_shape=[2 * erosion + 1, 2 * erosion + 1],
            pads=[erosion, erosion, erosion, erosion],
        ),
        node("Neg", ["body_negated_dilated"], ["body_eroded"]),
        # Round masses: DoG on the coarse image raised to the floor.
        node("Max", ["coarse", "mass_floor"], ["mass_input"]),
        node("Pad", ["mass_input", "mass_pads"], ["mass_padded"], mode="edge"),
        node("Conv", ["mass_padded", "mass_kernel"], ["mass_map"]),
        # Dark regions: how far the smoothed coarse image falls below the dark level.
        node("Pad", ["coarse", "smooth_pads"], ["smooth_padded"], mode="edge"),
        node("Conv", ["smooth_padded", "smooth_kernel"], ["smoothed"]),
        node("Sub", ["dark_level", "smoothed"], ["dark_deficit"]),
        node("Relu", ["dark_deficit"], ["dark_map"]),
        # Maps inside the body, their maxima, and the calibrated sigmoids.
        node("Concat", ["spot_map", "mass_map", "dark_map"], ["maps"], axis=1),
        node("Mul", ["maps", "body_eroded"], ["body_maps"]),
        node("GlobalMaxPool", ["body_maps"], ["score_grid"]),
        node("Flatten", ["score_grid"], ["scores"], axis=1),
        node("Sub", ["scores", "score_centers"], ["score_offsets"]),
        node("Mul", ["score_offsets", "score_slopes"], ["score_logits"]),
        node("Sigmoid", ["score_logits"], [PROBABILITIES_NAME]),
        node("Sub", ["body_maps", "map_centers"], ["map_offsets"]),
        node("Mul", ["map_offsets", "map_slopes"], ["map_logits"]),
        node("Sigmoid", ["map_logits"], [HEATMAPS_NAME]),
    ]


def build_model():
    finding_count = len(rm.FINDING_IDS)
    image = helper.make_tensor_value_info(
        INPUT_NAME, TensorProto.FLOAT, [BATCH_DIMENSION, 1, rm.INPUT_SIZE, rm.INPUT_SIZE])
    probabilities = helper.make_tensor_value_info(
        PROBABILITIES_NAME, TensorProto.FLOAT, [BATCH_DIMENSION, finding_count])
    heatmaps = helper.make_tensor_value_info(
        HEATMAPS_NAME, TensorProto.FLOAT, [BATCH_DIMENSION, finding_count, rm.COARSE_SIZE, rm.COARSE_SIZE])
    graph = helper.make_graph(
        nodes(),
        "reference",
        [image],
        [probabilities, heatmaps],
        initializer=initializers(),
        doc_string="Reference model for testing AI Node; not a diagnostic model.",
    )
    model = helper.make_model(
        graph,
        producer_name=PRODUCER,
        producer_version=MODEL_VERSION,
        opset_imports=[helper.make_opsetid("", OPSET)],
    )
    model.ir_version = 8
    helper.set_model_props(model, {"findings": ",".join(rm.FINDING_IDS)})
    onnx.checker.check_model(model, full_check=True)
    return model


def significant(value):
    """Return VALUE rounded to 9 significant digits.

    NumPy chooses its vector code by processor (with or without AVX-512, for example), so the
    last bits of a forward pass can differ between machines. On two build machines of this
    project, 5 of the 30 values differed in the 16th or 17th digit. Nine digits stay the same,
    and the test that reads them allows 1e-4.
    """
    return float(f"{float(value):.9g}")


def check_outputs():
    """Return the NumPy forward pass of every check image, keyed by variant and finding id."""
    outputs = {}
    for variant in rm.CHECK_VARIANTS:
        probabilities, heatmaps = rm.forward(rm.check_image(variant))
        outputs[variant] = {
            "Probabilities": {f: significant(p) for f, p in zip(rm.FINDING_IDS, probabilities)},
            "HeatmapMeans": {f: significant(h.mean()) for f, h in zip(rm.FINDING_IDS, heatmaps)},
        }
    return {
        "Comment": "NumPy forward pass of reference_model.py on its check images; written by build.py.",
        "Outputs": outputs,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model-out", default=DEFAULT_MODEL_PATH, help="path of the ONNX file to write")
    parser.add_argument("--check-out", default=DEFAULT_CHECK_PATH, help="path of the check outputs JSON to write")
    arguments = parser.parse_args()

    with open(arguments.model_out, "wb") as output:
        output.write(build_model().SerializeToString())
    with open(arguments.check_out, "w", encoding="utf-8", newline="\n") as output:
        json.dump(check_outputs(), output, indent=2, sort_keys=True)
        output.write("\n")


if __name__ == "__main__":
    main()
