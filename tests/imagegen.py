"""Test images: the product's own generators of real-looking photos (aedesk.demo.imagery)."""

from aedesk.demo.imagery import Rgb, add_noise, jpeg_bytes, product, rng, save, scene

__all__ = ["Rgb", "add_noise", "jpeg_bytes", "product", "rng", "save", "scene"]
