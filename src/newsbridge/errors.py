"""Errors newsbridge raises, each with a one-line message that says how to fix the problem."""


class NewsbridgeError(Exception):
    """Base class of every error newsbridge raises on purpose."""


class InputError(NewsbridgeError, ValueError):
    """The input cannot be processed as given (empty, binary, too large, no article...)."""


class InputTooLarge(InputError):
    """The input is over a size limit (the HTTP service answers 413)."""


class ConfigError(NewsbridgeError, ValueError):
    """The configuration is invalid: unknown key, wrong type, unknown backend name."""


class ModelNotFoundError(NewsbridgeError, RuntimeError):
    """A model a stage needs is not installed where newsbridge looked."""


class DeviceError(ModelNotFoundError):
    """A model cannot run on the configured device (no GPU there, CUDA libraries missing).

    A ModelNotFoundError, so that callers treat it alike: the stage is unavailable, the
    message says why and what to change."""
