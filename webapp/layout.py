"""The Gradio layout: three tabs (问答, 知识库, 状态与设置) wired to the handlers."""

from __future__ import annotations

import gradio as gr

from agent import PolicyQA
from ingest.pipeline import SUPPORTED
from webapp.chat import ChatHandlers, placeholder_html
from webapp.kb import LibraryHandlers
from webapp.library import COLUMNS, DEFAULT_SORT, SORTS

TITLE = "PolicyQA 政策文件问答"
PROGRESS = gr.Progress()
# answers at a time (each session's own questions stay in order); answers never wait for an
# upload, which runs in its own queue ("corpus") with deletions and rebuilds (see webapp/gate.py)
CHAT_CONCURRENCY = 4  # the default that tells Gradio to pass a progress tracker


def build_app(qa: PolicyQA, handlers: ChatHandlers | None = None) -> gr.Blocks:
    handlers = handlers or ChatHandlers(qa)
    library = LibraryHandlers(handlers)
    types = sorted(SUPPORTED)
    frame, summary_text = library.table()
    with gr.Blocks(title=TITLE, fill_width=True) as app:
        gr.Markdown(f"## {TITLE}\n根据已收录的文件回答问题，每个回答都附带原文出处；资料中没有的内容会明确说明。")
        records = gr.State([])
        with gr.Tabs():
            with gr.Tab("问答", id="chat-tab"):
                with gr.Row(equal_height=False):
                    with gr.Column(scale=3, min_width=320):
                        chat = gr.Chatbot(
                            label="对话",
                            elem_id="chat",
                            height=560,
                            placeholder="向已收录的文件提问；回答里的 [1] [2] 可点开原文。",
                            feedback_options=("Like", "Dislike"),
                            buttons=[],
                        )
                        question = gr.Textbox(
                            show_label=False,
                            placeholder="输入问题，按回车发送（支持简体、繁體和 English）",
                            lines=1,
                            max_lines=4,
                            submit_btn="发送",
                            autofocus=True,
                            elem_id="question",
                        )
                        examples = gr.Dataset(
                            components=[question],
                            samples=[[q] for q in handlers.examples()],
                            label="示例问题（取自已收录的文档）",
                            elem_id="examples",
                        )
                        with gr.Row():
                            comment = gr.Textbox(
                                label="点踩时附上说明（可选）",
                                placeholder="例如：答案不完整 / 引用的段落不对",
                                scale=4,
                                elem_id="feedback-comment",
                            )
                            clear = gr.Button("清空对话", scale=1, elem_id="clear-chat")
                    with gr.Column(scale=2, min_width=320):
                        doc_view = gr.HTML(placeholder_html(), elem_id="doc-view", label="原文")
                cite_target = gr.Textbox(elem_id="cite-target", show_label=False, container=False)  # hidden by app.css

            with gr.Tab("知识库", id="kb-tab"):
                summary = gr.Markdown(summary_text, elem_id="kb-summary")
                with gr.Row():
                    search = gr.Textbox(
                        label="搜索", placeholder="标题、文件名、发文机关或文号", scale=3, elem_id="kb-search"
                    )
                    sort = gr.Dropdown(list(SORTS), value=DEFAULT_SORT, label="排序", scale=2, elem_id="kb-sort")
                table = gr.Dataframe(
                    frame,
                    headers=COLUMNS,
                    interactive=False,
                    wrap=True,
                    elem_id="kb-table",
                    max_height=420,
                    column_widths=["240px", "200px", "70px", "80px", "120px", "180px", "60px", "80px", "140px"],  # px: a phone scrolls sideways
                )
                upload = gr.File(
                    label=f"上传文档（可多选：{' '.join(types)}），上传后立即入库",
                    file_count="multiple",  # any type: the outcome says why a file is not taken
                    type="filepath",
                    elem_id="kb-upload",
                )
                outcome = gr.Markdown("上传后在这里显示总进度和每个文件的结果。", elem_id="kb-outcome", min_height=90)
                with gr.Row():
                    picked = gr.Dropdown(
                        library.choices(), label="选择文档（或点表格中的一行）", scale=3, elem_id="kb-pick"
                    )
                    delete = gr.Button("删除文档", variant="stop", scale=1, elem_id="kb-delete")
                    rebuild = gr.Button("重建索引", scale=1, elem_id="kb-rebuild")
                with gr.Group(visible=False, elem_id="kb-confirm-delete") as confirm_delete:
                    confirm_delete_text = gr.Markdown()
                    with gr.Row():
                        delete_yes = gr.Button("确认删除", variant="stop", elem_id="kb-delete-yes")
                        delete_no = gr.Button("取消", elem_id="kb-delete-no")
                with gr.Group(visible=False, elem_id="kb-confirm-rebuild") as confirm_rebuild:
                    gr.Markdown("确定重建索引吗？会重新读取并嵌入全部文档，期间不能提问。")
                    with gr.Row():
                        rebuild_yes = gr.Button("确认重建", variant="stop", elem_id="kb-rebuild-yes")
                        rebuild_no = gr.Button("取消", elem_id="kb-rebuild-no")
                kb_message = gr.Markdown(elem_id="kb-message", min_height=60)

            with gr.Tab("状态与设置", id="status-tab"):
                status = gr.Markdown(library.status(), elem_id="status")
                with gr.Accordion("大模型设置（仅本次运行有效）", open=False):
                    llm = qa.settings.llm
                    base_url = gr.Textbox(llm.base_url, label="接口地址（OpenAI 兼容，如 https://api.deepseek.com/v1）")
                    model = gr.Textbox(llm.model, label="模型名称")
                    api_key = gr.Textbox(
                        label="API Key（只写：保存后不再显示；留空则保留已设置的 Key）", type="password"
                    )
                    save = gr.Button("保存并使用", elem_id="llm-save")
                    llm_message = gr.Markdown(elem_id="llm-message")

        views = [table, summary, picked, examples, status]

        # chat
        question.submit(
            handlers.respond, [question, chat, records], [question, chat, records], concurrency_id="chat",
            concurrency_limit=CHAT_CONCURRENCY
        )
        examples.click(lambda sample: sample[0], [examples], [question]).then(
            handlers.respond, [question, chat, records], [question, chat, records], concurrency_id="chat",
            concurrency_limit=CHAT_CONCURRENCY
        )
        chat.like(_like_handler(handlers), inputs=[records, comment], outputs=[comment])
        cite_target.change(handlers.open_citation, [cite_target], [doc_view])
        clear.click(lambda: ([], [], "", placeholder_html()), None, [chat, records, question, doc_view])
        chat.clear(lambda: ([], placeholder_html()), None, [records, doc_view])  # the chat's own 🗑

        # knowledge base
        search.change(library.table, [search, sort], [table, summary])
        sort.change(library.table, [search, sort], [table, summary])
        table.select(_row_source, None, [picked])

        def on_upload(files, query, order, progress=PROGRESS):
            return library.upload(files, query, order, progress)

        upload.upload(
            on_upload, [upload, search, sort], [outcome, *views], concurrency_id="corpus", show_progress_on=[outcome]
        )
        delete.click(library.confirm_delete, [picked], [confirm_delete, confirm_delete_text])
        delete_no.click(lambda: gr.update(visible=False), None, [confirm_delete])
        delete_yes.click(
            library.delete, [picked, search, sort], [confirm_delete, kb_message, *views], concurrency_id="corpus"
        )
        rebuild.click(lambda: gr.update(visible=True), None, [confirm_rebuild])
        rebuild_no.click(lambda: gr.update(visible=False), None, [confirm_rebuild])

        def on_rebuild(query, order, progress=PROGRESS):
            return library.rebuild(query, order, progress)

        rebuild_yes.click(
            on_rebuild,
            [search, sort],
            [confirm_rebuild, kb_message, *views],
            concurrency_id="corpus",
            show_progress_on=[kb_message],
        )

        # settings
        save.click(library.save_llm, [base_url, model, api_key], [status, api_key, llm_message])
    return app


def _row_source(event: gr.SelectData) -> str:
    row = getattr(event, "row_value", None) or []
    return row[1] if len(row) > 1 else gr.update()


def _like_handler(handlers: ChatHandlers):
    def on_like(records: list, comment: str, data: gr.LikeData) -> str:
        index = data.index[0] if isinstance(data.index, (list, tuple)) else data.index
        if handlers.feedback(records, index, data.liked, comment) is None:
            return comment
        gr.Info(f"已记录反馈到 {handlers.feedback_path}，谢谢！", title="反馈")
        return ""

    return on_like
