"""The reference model of AI Node: its filters, constants and a NumPy forward pass.

The model is built from fixed filters, not trained. It answers three questions about a
windowed image scaled to [0, 1] (0 = black, 1 = white), each with its own probability:

* small-bright-spots: a small difference-of-Gaussians (DoG) filter at full resolution,
  max-pooled to the coarse grid;
* round-masses: a larger DoG filter on the image average-pooled 4x4;
* dark-regions: how far a smoothed coarse image falls below a level, inside the body.

Each score is the maximum of its map inside the eroded body mask, and a sigmoid with fixed
constants (CALIBRATION) maps it to a probability. The heatmaps are the same maps through the
same sigmoid. build.py turns these constants into the ONNX graph. The NumPy forward pass computes the same
outputs without ONNX Runtime, so a test can compare the two.
"""

import numpy as np

# Model input: one channel, INPUT_SIZE x INPUT_SIZE pixels, values in [0, 1] after the window.
INPUT_SIZE = 256

# Side of the average and max pooling that gives the coarse grid of the heatmaps.
COARSE_FACTOR = 4
COARSE_SIZE = INPUT_SIZE // COARSE_FACTOR

FINDING_IDS = ("small-bright-spots", "round-masses", "dark-regions")

# Gaussian standard deviations in pixels of the grid each filter runs on.
SPOT_SIGMA_CENTER = 1.0
SPOT_SIGMA_SURROUND = 3.0
SPOT_KERNEL_RADIUS = 6
MASS_SIGMA_CENTER = 2.0
MASS_SIGMA_SURROUND = 5.0
MASS_KERNEL_RADIUS = 10
DARK_SMOOTHING_SIGMA = 1.5
DARK_KERNEL_RADIUS = 4

# Body mask on the coarse grid: a sigmoid of (mean intensity - BODY_LEVEL) * BODY_STEEPNESS,
# eroded by BODY_EROSION_RADIUS coarse pixels so that the body outline itself scores nothing.
BODY_LEVEL = 0.1
BODY_STEEPNESS = 60.0
BODY_EROSION_RADIUS = 4

# The mass filter receives the coarse image raised to at least this level, so that air, fat and the
# body outline, all darker than soft tissue, give it no edges to respond to.
MASS_FLOOR = 0.45

# A smoothed coarse intensity below this level counts as dark (soft tissue sits near 0.5).
DARK_LEVEL = 0.35

# Per finding: (score at which the probability is 0.5, slope of the sigmoid per score unit).
CALIBRATION = {
    "small-bright-spots": (0.135, 80.0),
    "round-masses": (0.037, 200.0),
    "dark-regions": (0.015, 300.0),
}


def gaussian_profile(sigma, radius):
    """Return 2r+1 Gaussian weights that sum to 1 on the truncated line."""
    offsets = np.arange(-radius, radius + 1, dtype=np.float64)
    profile = np.exp(-(offsets**2) / (2.0 * sigma**2))
    return profile / profile.sum()


def gaussian_kernel(sigma, radius):
    """Return a (2r+1)^2 Gaussian kernel, the outer product of two profiles, summing to 1."""
    profile = gaussian_profile(sigma, radius)
    return np.outer(profile, profile)


def dog_kernel(sigma_center, sigma_surround, radius):
    """Return a difference-of-Gaussians kernel. Its weights sum to 0, so flat areas score 0."""
    return gaussian_kernel(sigma_center, radius) - gaussian_kernel(sigma_surround, radius)


def kernels():
    """Return the three filter kernels as float32, in the order the graph uses them."""
    spot = dog_kernel(SPOT_SIGMA_CENTER, SPOT_SIGMA_SURROUND, SPOT_KERNEL_RADIUS)
    mass = dog_kernel(MASS_SIGMA_CENTER, MASS_SIGMA_SURROUND, MASS_KERNEL_RADIUS)
    smooth = gaussian_kernel(DARK_SMOOTHING_SIGMA, DARK_KERNEL_RADIUS)
    return spot.astype(np.float32), mass.astype(np.float32), smooth.astype(np.float32)


def spot_profiles():
    """Return the spot filter's centre and surround profiles as float32 [2, 2r+1].

    The graph runs the spot filter, the only one at full resolution, as two separable Gaussians
    (a row pass and a column pass each) and their difference, which costs far less than the 2-D
    kernel. The NumPy forward pass keeps the 2-D kernel, so the check outputs test that the two
    agree.
    """
    center = gaussian_profile(SPOT_SIGMA_CENTER, SPOT_KERNEL_RADIUS)
    surround = gaussian_profile(SPOT_SIGMA_SURROUND, SPOT_KERNEL_RADIUS)
    return np.stack([center, surround]).astype(np.float32)


def calibration_arrays():
    """Return the sigmoid centres and slopes as float32 arrays in FINDING_IDS order."""
    centers = np.array([CALIBRATION[f][0] for f in FINDING_IDS], dtype=np.float32)
    slopes = np.array([CALIBRATION[f][1] for f in FINDING_IDS], dtype=np.float32)
    return centers, slopes


def _correlate_edge(image, kernel):
    """Correlate a 2-D image with a kernel after padding it by repeating its edge pixels."""
    radius = kernel.shape[0] // 2
    padded = np.pad(image, radius, mode="edge")
    rows, columns = image.shape
    result = np.zeros_like(image, dtype=np.float64)
    for dr in range(kernel.shape[0]):
        for dc in range(kernel.shape[1]):
            result += float(kernel[dr, dc]) * padded[dr:dr + rows, dc:dc + columns]
    return result


def _pool(image, factor, reduce):
    rows, columns = image.shape
    blocks = image.reshape(rows // factor, factor, columns // factor, factor)
    return reduce(reduce(blocks, axis=3), axis=1)


def _erode(mask, radius):
    """Return the minimum over a (2r+1)^2 window; pixels beyond the border do not count."""
    padded = np.pad(mask, radius, mode="constant", constant_values=np.inf)
    rows, columns = mask.shape
    result = np.full_like(mask, np.inf)
    for dr in range(2 * radius + 1):
        for dc in range(2 * radius + 1):
            result = np.minimum(result, padded[dr:dr + rows, dc:dc + columns])
    return result


def _sigmoid(value):
    return 1.0 / (1.0 + np.exp(-value))


def forward(image):
    """Return (probabilities[3], heatmaps[3, 64, 64]) for one INPUT_SIZE^2 image, in float64."""
    spot_kernel, mass_kernel, smooth_kernel = (k.astype(np.float64) for k in kernels())
    image = image.astype(np.float64)

    spot_map = _pool(_correlate_edge(image, spot_kernel), COARSE_FACTOR, np.max)
    coarse = _pool(image, COARSE_FACTOR, np.mean)

    body = _sigmoid((coarse - BODY_LEVEL) * BODY_STEEPNESS)
    body_eroded = _erode(body, BODY_EROSION_RADIUS)

    mass_map = _correlate_edge(np.maximum(coarse, MASS_FLOOR), mass_kernel)
    darkness = np.maximum(DARK_LEVEL - _correlate_edge(coarse, smooth_kernel), 0.0)

    maps = np.stack([spot_map * body_eroded, mass_map * body_eroded, darkness * body_eroded])
    scores = maps.reshape(3, -1).max(axis=1)

    centers, slopes = (a.astype(np.float64) for a in calibration_arrays())
    probabilities = _sigmoid((scores - centers) * slopes)
    heatmaps = _sigmoid((maps - centers[:, None, None]) * slopes[:, None, None])
    return probabilities, heatmaps


def disc(rows, columns, center_row, center_column, radius):
    """Return a boolean mask of the pixels whose centres lie within radius of the centre."""
    r = np.arange(rows)[:, None]
    c = np.arange(columns)[None, :]
    return (r - center_row) ** 2 + (c - center_column) ** 2 <= radius**2


def check_image(variant):
    """Return one of the closed-form check images as float32 [256, 256].

    Every variant has a body ellipse at 0.5 on a 0 background. "spot", "mass" and "dark" add
    one faint feature each, faint enough that its probability lies well inside (0, 1), and
    "all" adds all three. The C# tests build the same images from the same rules, so the NumPy
    outputs are an independent oracle for ONNX Runtime's.
    """
    size = INPUT_SIZE
    r = np.arange(size)[:, None]
    c = np.arange(size)[None, :]
    body = ((r - 128) / 100.0) ** 2 + ((c - 128) / 80.0) ** 2 <= 1.0
    image = np.where(body, np.float32(0.5), np.float32(0.0)).astype(np.float32)
    if variant in ("spot", "all"):
        image[disc(size, size, 100, 90, 1)] += np.float32(0.32)
    if variant in ("mass", "all"):
        image[disc(size, size, 150, 150, 12)] += np.float32(0.08)
    if variant in ("dark", "all"):
        image[disc(size, size, 100, 165, 12)] = np.float32(0.3)
    return image


CHECK_VARIANTS = ("plain", "spot", "mass", "dark", "all")
