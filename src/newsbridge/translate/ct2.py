"""The CTranslate2 translation backend: int8 on the CPU, float16 on a GPU (the optional [fast] extra)."""

from __future__ import annotations

from ..devices import CT2_CUDA_HINT, batch_tokens, ct2_placement
from ..errors import DeviceError, ModelNotFoundError
from ..models import ct2_name, locate, set_threads
from .checks import cut_repetition
from .hf import NO_REPEAT_NGRAM, ModelBackend, _lang_settings, model_for


class CTranslate2Translator(ModelBackend):
    """CTranslate2 int8 on the CPU: several times the speed of transformers at a third of the
    memory. Needs `newsbridge models convert NAME` once per model."""

    kind = "ctranslate2"

    def _load(self, name: str) -> tuple:
        try:
            import ctranslate2
        except ImportError:
            raise ModelNotFoundError(
                "the ctranslate2 backend needs CTranslate2: pip install 'newsbridge[fast]'") from None
        try:
            path = locate(ct2_name(name), self.settings)
        except ModelNotFoundError as exc:
            raise ModelNotFoundError(f"{exc}, then convert it with: newsbridge models convert {name}") from None
        from transformers import AutoTokenizer

        set_threads(self.settings)
        placement = ct2_placement(self.settings)
        try:
            translator = ctranslate2.Translator(
                str(path), device="cuda" if placement.is_gpu else "cpu", device_index=placement.index,
                compute_type=placement.compute_type, intra_threads=self.settings.models.threads, inter_threads=1)
        except RuntimeError as exc:
            if not placement.is_gpu:
                raise
            raise DeviceError(f"CTranslate2 cannot run on {placement.device} ({exc}); {CT2_CUDA_HINT}") from None
        return AutoTokenizer.from_pretrained(path, local_files_only=True), translator

    def translate(self, texts: list[str], source: str, target: str) -> list[str]:
        if not texts:
            return []
        name = model_for(self.settings, source, target)
        codec, translator = self._model(name)
        src_code, tgt_token = _lang_settings(name, source, target)
        if src_code:
            codec.tokenizer.src_lang = src_code
        tokens = codec.tokens(texts, 512)
        longest = max(len(t) for t in tokens)
        options = {
            "beam_size": self.settings.translate.beam_size,
            "max_batch_size": batch_tokens(self.settings, translator.device == "cuda"),
            "batch_type": "tokens",
            "max_decoding_length": min(512, 2 * longest + 10),
            "no_repeat_ngram_size": NO_REPEAT_NGRAM,
            "target_prefix": [[tgt_token]] * len(tokens) if tgt_token else None,
            **self.options,
        }
        results = translator.translate_batch(tokens, **options)
        out = []
        for result in results:
            hypothesis = result.hypotheses[0]
            if tgt_token and hypothesis[:1] == [tgt_token]:
                hypothesis = hypothesis[1:]
            out.append(cut_repetition(codec.text_of_tokens(hypothesis).strip()))
        return out
