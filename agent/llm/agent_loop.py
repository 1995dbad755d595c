"""A small explicit tool-calling loop: stream a reply, run the tools it calls, repeat.

Deterministic for scripted models: one model call per step, tools run in the order called, and
the last step is made without tools so the model has to answer.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import (
    AIMessage,
    AIMessageChunk,
    BaseMessage,
    ToolMessage,
    message_chunk_to_message,
)
from langchain_core.tools import BaseTool

MAX_STEPS = 4


READING, TOOL, WRITING = "reading", "tool", "writing"


@dataclass(frozen=True)
class Step:
    """The text of the reply being streamed; ``final`` on the finished answer.

    ``phase``: ``reading`` when a request has just been sent (the model reads its prompt),
    ``tool`` while a tool call arrives, ``writing`` while text arrives. ``step``: which model call.
    """

    text: str
    final: bool
    phase: str = WRITING
    step: int = 0


def run(
    first: BaseChatModel,
    later: BaseChatModel,
    tools: Sequence[BaseTool],
    messages: Sequence[BaseMessage],
    max_steps: int = MAX_STEPS,
) -> Iterator[Step]:
    """Yield partial texts of the answer as it streams, then one final `Step`."""
    by_name = {t.name: t for t in tools}
    history = list(messages)
    for step in range(max_steps):
        model = first if step == 0 else later
        runnable = model if step == max_steps - 1 else _with_tools(model, tools)
        reply = None
        yield Step("", final=False, phase=READING, step=step)
        try:
            for chunk in runnable.stream(history):
                reply = chunk if reply is None else reply + chunk
                if isinstance(reply, AIMessageChunk) and reply.tool_call_chunks:
                    yield Step("", final=False, phase=TOOL, step=step)
                elif str(reply.text):
                    yield Step(str(reply.text), final=False, phase=WRITING, step=step)
                # else: a chunk with no text yet (llama.cpp sends the role at once, then reads
                # the prompt): the model is still reading, under the first-token budget
        except ValueError:
            if reply is not None:
                raise
            # LangChain raises when a stream ends without a single chunk: an empty reply
        message = _as_message(reply)
        if not (message.tool_calls or message.invalid_tool_calls):
            yield Step(str(message.text), final=True, phase=WRITING, step=step)
            return
        history.append(message)
        for call in message.tool_calls:
            history.append(ToolMessage(content=_invoke(by_name, call), tool_call_id=call["id"]))
        for bad in message.invalid_tool_calls:
            history.append(ToolMessage(
                content=f"错误：工具 {bad.get('name')} 的参数不是合法 JSON：{bad.get('args')}",
                tool_call_id=bad.get("id") or "",
            ))


def _with_tools(model: BaseChatModel, tools: Sequence[BaseTool]):
    try:
        return model.bind_tools(list(tools))
    except NotImplementedError:  # a chat model without tool calling still gets the passages
        return model


def _as_message(reply) -> AIMessage:
    if reply is None:
        return AIMessage(content="")
    if isinstance(reply, AIMessageChunk):
        return message_chunk_to_message(reply)
    return reply


def _invoke(by_name: dict[str, BaseTool], call: dict) -> str:
    tool = by_name.get(call["name"])
    if tool is None:
        return f"错误：没有名为 {call['name']} 的工具；可用：{'、'.join(by_name)}"
    try:
        return str(tool.invoke(call["args"]))
    except (ValueError, TypeError) as exc:  # bad arguments: tell the model, let it retry
        return f"错误：调用 {call['name']} 失败：{exc}"
