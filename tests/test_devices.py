"""[models] device and compute_type: where models run, what a missing GPU says, and that CPU
users see no change. This machine has no GPU: the GPU paths are checked for their errors."""

from __future__ import annotations

import dataclasses

import pytest
import torch

from newsbridge import Pipeline, load_settings
from newsbridge.devices import batch_tokens, ct2_placement, torch_placement
from newsbridge.errors import DeviceError
from newsbridge.models import load_seq2seq

pytestmark = pytest.mark.skipif(torch.cuda.is_available(), reason="these tests describe a machine without a GPU")


def settings(device="auto", compute_type="auto", translate="transformers", tiny_models=None):
    base = load_settings()
    models = dataclasses.replace(base.models, device=device, compute_type=compute_type)
    tr = dataclasses.replace(base.translate, cache="", beam_size=1)
    if tiny_models:
        tr = dataclasses.replace(tr, model_en_ko=str(tiny_models["tiny-marian-en-ko"]))
    return dataclasses.replace(base, models=models, translate=tr,
                               pipeline=dataclasses.replace(base.pipeline, translate=translate))


def test_auto_on_a_machine_without_a_gpu_is_the_cpu_with_the_precisions_of_before():
    assert torch_placement(settings()).to_dict() == {"device": "cpu", "compute_type": "float32"}
    assert ct2_placement(settings()).to_dict() == {"device": "cpu", "compute_type": "int8"}
    assert batch_tokens(settings(), gpu=False) == 4096
    assert batch_tokens(settings(), gpu=True) == 16384


@pytest.mark.parametrize("device", ["cuda", "cuda:1"])
def test_a_gpu_asked_for_and_not_there_says_so(device):
    with pytest.raises(DeviceError, match=f"device = '{device}', but torch sees no CUDA GPU"):
        torch_placement(settings(device))
    with pytest.raises(DeviceError, match="CUDA 12 libraries.*transformers"):
        ct2_placement(settings(device))


def test_compute_type_is_honoured_and_int8_types_give_torch_their_float_part():
    assert torch_placement(settings(compute_type="bfloat16")).compute_type == "bfloat16"
    assert torch_placement(settings(compute_type="int8_float16")).compute_type == "float16"
    assert torch_placement(settings(compute_type="int8")).compute_type == "float32"
    assert ct2_placement(settings(compute_type="int8_float32")).compute_type == "int8_float32"


def test_a_model_loads_in_the_precision_asked_for_and_translates(tiny_models):
    s = settings("cpu", "bfloat16", tiny_models=tiny_models)
    _, model = load_seq2seq(s.translate.model_en_ko, s)
    assert model.dtype == torch.bfloat16 and model.device.type == "cpu"
    out = Pipeline(s).translate_texts(["The council met on Tuesday."], "en", "ko")
    assert len(out) == 1 and isinstance(out[0], str)


@pytest.mark.parametrize("backend", ["transformers", "ctranslate2"])
def test_a_missing_gpu_costs_the_translation_with_a_clear_warning_not_the_article(tiny_models, en_page, backend):
    pipe = Pipeline(settings("cuda", translate=backend, tiny_models=tiny_models))
    result = pipe.process(en_page, target="ko")
    assert result.translation is None and result.quotes  # the rest of the article is there
    [warning] = [w for w in result.warnings if w.stage == "translate"]
    assert "device = 'cuda'" in warning.message
    assert pipe.devices()["translate"]["error"].startswith("[models] device = 'cuda'")
