"""``python -m agent.llm.llama_launch --model FILE …``: llama-cpp-python's OpenAI-compatible
server (same arguments as ``python -m llama_cpp.server``) with llama.cpp's weight repacking off.

Measured on the project's 2-core machines (Xeon with AVX-512 and AMX): llama-cpp-python 0.3.36
built from source crashes with SIGSEGV in ``llama_decode`` on the first prompt of more than one
token when weights are repacked for those instruction sets ("extra buffer types"); with
``use_extra_bufts = False`` the same build serves normally. The server has no option for it, so it
is switched off in the default model parameters before the server starts.

OpenMP threads also wait passively unless told otherwise: busy-waiting threads on a machine whose
cores other processes share made the same 370-token request take 57.6 s instead of 5.1 s (2
threads, load average ~15).
"""

import os
import runpy

os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")  # read by OpenMP when llama.cpp loads

import llama_cpp.llama_cpp as lib

_default_params = lib.llama_model_default_params


def _without_repacking():
    params = _default_params()
    params.use_extra_bufts = False
    return params


lib.llama_model_default_params = _without_repacking

if __name__ == "__main__":
    runpy.run_module("llama_cpp.server", run_name="__main__", alter_sys=True)
