"""A `PolicyQA` over a few made-up documents, for test modules that check one document shape."""


def open_small_corpus(tmp_path_factory, embedder, name: str, files: dict[str, str], folder: str = "docs"):
    """Write ``files`` into a fresh ``<tmp>/<folder>`` and open its index (sources 「folder/file」).

    Settings come from an empty environment, so a user's QA_* variables do not leak in.
    """
    from agent.config import Settings
    from agent.policyqa import PolicyQA

    root = tmp_path_factory.mktemp(name)
    corpus = root / folder
    corpus.mkdir()
    for filename, text in files.items():
        (corpus / filename).write_text(text, encoding="utf-8")
    return PolicyQA.open(corpus_dir=corpus, index_dir=root / ".index", settings=Settings.from_env(env={}),
                         embedder=embedder)
