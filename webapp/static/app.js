// PolicyQA page script: citation links open the side document view; 「复制回答」 copies.
(() => {
  if (window.__policyqa) return;
  window.__policyqa = true;

  function openInView(query) {
    const box = document.querySelector("#cite-target textarea, #cite-target input");
    if (!box) return false;
    box.value = query + "&t=" + Date.now(); // a new value even when the same source is clicked
    box.dispatchEvent(new Event("input", { bubbles: true }));
    if (window.innerWidth < 900) {
      setTimeout(() => {
        const view = document.getElementById("doc-view");
        if (view) view.scrollIntoView({ behavior: "smooth", block: "start" });
      }, 500);
    }
    return true;
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    const area = document.createElement("textarea"); // plain http on a phone: no clipboard API
    area.value = text;
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    document.execCommand("copy");
    area.remove();
    return Promise.resolve();
  }

  document.addEventListener(
    "click",
    (event) => {
      const link = event.target.closest && event.target.closest("a");
      if (!link) return;
      const href = link.getAttribute("href") || "";
      if (href.startsWith("#qa-copy:")) {
        event.preventDefault();
        event.stopPropagation();
        copyText(decodeURIComponent(href.slice("#qa-copy:".length))).then(() => {
          link.textContent = "已复制";
          setTimeout(() => (link.textContent = "复制回答"), 1500);
        });
        return;
      }
      const at = href.indexOf("document?");
      if (at >= 0 && link.closest("#chat")) {
        const query = href.slice(at + "document?".length).split("#")[0];
        if (openInView(query)) {
          event.preventDefault();
          event.stopPropagation();
        }
      }
    },
    true,
  );
})();
