"""Where a model runs and in which precision: [models] device and compute_type.

`device = "auto"` takes the first CUDA GPU the backend can use, else the CPU; "cpu", "cuda"
and "cuda:N" ask for one. `compute_type = "auto"` follows the device: transformers runs
float32 on the CPU and float16 on a GPU; CTranslate2 runs int8 on the CPU and float16 on a
GPU. A GPU asked for and not there is a DeviceError saying what is missing. Nothing changes
for CPU users: on a machine without a GPU, "auto" is the CPU with the precisions of before.
"""

from __future__ import annotations

import logging
import re
from dataclasses import asdict, dataclass

from .config import ModelSettings, Settings
from .errors import ConfigError, DeviceError

log = logging.getLogger(__name__)

TORCH_TYPES = ("float32", "float16", "bfloat16")
CT2_TYPES = ("int8", "int8_float32", "int8_float16", "int8_bfloat16", "float16", "bfloat16", "float32")
DEVICE = re.compile(r"auto|cpu|cuda(:\d+)?")
CT2_CUDA_HINT = ("CTranslate2's wheels need the CUDA 12 libraries (cuBLAS 12 and cuDNN 9, e.g. pip install "
                 "nvidia-cublas-cu12 nvidia-cudnn-cu12); install them, or set [pipeline] translate = "
                 "\"transformers\", which runs on the GPU through torch")


@dataclass(frozen=True)
class Placement:
    """A device ('cpu', 'cuda:0') and a precision ('float32', 'int8', ...)."""

    device: str
    compute_type: str

    @property
    def is_gpu(self) -> bool:
        return self.device.startswith("cuda")

    @property
    def index(self) -> int:
        return int(self.device.partition(":")[2] or 0)

    def to_dict(self) -> dict[str, str]:
        return asdict(self)


def check_settings(models: ModelSettings) -> None:
    """ConfigError for a device or compute_type newsbridge does not know."""
    if not DEVICE.fullmatch(models.device):
        raise ConfigError(f"setting [models] 'device' must be auto, cpu, cuda or cuda:N, got {models.device!r}")
    if models.compute_type != "auto" and models.compute_type not in (*TORCH_TYPES, *CT2_TYPES):
        known = ", ".join(("auto", *CT2_TYPES))
        raise ConfigError(f"setting [models] 'compute_type' must be one of {known}; got {models.compute_type!r}")


def _gpu(asked: str, count: int, who: str, hint: str) -> int | None:
    """The GPU index `asked` resolves to with `count` GPUs visible to `who`; None: the CPU."""
    if asked == "cpu" or (asked == "auto" and count == 0):
        return None
    index = int(asked.partition(":")[2] or 0)
    if index >= count:
        seen = f"sees {count} CUDA GPU{'s' if count != 1 else ''}" if count else "sees no CUDA GPU"
        raise DeviceError(f"[models] device = {asked!r}, but {who} {seen}; {hint}")
    return index


def torch_placement(settings: Settings) -> Placement:
    """Where transformers models (translation, abstractive key points) run."""
    import torch

    count = torch.cuda.device_count() if torch.cuda.is_available() else 0
    index = _gpu(settings.models.device, count, "torch",
                 "set device = \"cpu\" (or \"auto\"), or install a CUDA build of torch")
    asked = settings.models.compute_type
    if asked == "auto":
        return Placement("cpu", "float32") if index is None else Placement(f"cuda:{index}", "float16")
    # CTranslate2's int8 types name their float part after the underscore; torch runs that part.
    dtype = asked.rpartition("_")[2] if asked.startswith("int8_") else ("float32" if asked == "int8" else asked)
    return Placement("cpu" if index is None else f"cuda:{index}", dtype)


def ct2_placement(settings: Settings) -> Placement:
    """Where CTranslate2 models run."""
    import ctranslate2

    count = ctranslate2.get_cuda_device_count()
    asked = settings.models.device
    if asked == "auto" and count == 0 and _torch_sees_gpu():
        log.warning("CTranslate2 sees no CUDA GPU although torch does, so it runs on the CPU: %s", CT2_CUDA_HINT)
    index = _gpu(asked, count, "CTranslate2", CT2_CUDA_HINT)
    compute = settings.models.compute_type
    if compute == "auto":
        compute = "int8" if index is None else "float16"
    return Placement("cpu" if index is None else f"cuda:{index}", compute)


def _torch_sees_gpu() -> bool:
    import torch

    return torch.cuda.is_available()


def batch_tokens(settings: Settings, gpu: bool) -> int:
    """Source tokens per model call: a GPU wants hundreds of sentences at once."""
    return settings.translate.max_batch_tokens_gpu if gpu else settings.translate.max_batch_tokens


def describe(settings: Settings, backend: str | None) -> dict[str, str] | None:
    """{'device', 'compute_type'} a model backend runs on, {'error'} when it cannot, None for
    a backend without a model."""
    resolve = {"transformers": torch_placement, "ctranslate2": ct2_placement}.get(backend or "")
    if resolve is None:
        return None
    try:
        return resolve(settings).to_dict()
    except (DeviceError, ImportError) as exc:
        return {"error": str(exc)}
